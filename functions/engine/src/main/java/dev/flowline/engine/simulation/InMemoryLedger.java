package dev.flowline.engine.simulation;

import dev.flowline.engine.enrolment.StepMessage;
import dev.flowline.engine.idempotency.IdempotencyLedger;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A ledger in memory, standing in for the DynamoDB one: a claim's outcome, empty while it is in progress. */
public final class InMemoryLedger implements IdempotencyLedger {

    private final Map<String, Optional<String>> claims = new ConcurrentHashMap<>();

    @Override
    public Claim claim(String key) {
        Optional<String> before = claims.putIfAbsent(key, Optional.empty());
        return before == null ? new Claim.Granted()
                : before.<Claim>map(Claim.Done::new).orElseGet(Claim.InProgress::new);
    }

    @Override
    public void complete(String key, String outcome) {
        claims.put(key, Optional.of(outcome));
    }

    @Override
    public void release(String key) {
        claims.remove(key);
    }

    @Override
    public void forgetSteps(String enrolmentId, long lastSequence) {
        for (long sequence = 0; sequence <= lastSequence; sequence++) {
            claims.remove(new StepMessage(enrolmentId, sequence).idempotencyKey());
        }
    }

    /** The keys claimed and not released. */
    public Set<String> keys() {
        return claims.keySet();
    }
}
