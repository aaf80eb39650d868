package dev.flowline.aws.messaging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A ledger in memory, standing in for the DynamoDB one. */
final class InMemoryLedger implements IdempotencyLedger {

    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    @Override
    public boolean claim(String key) {
        return claimed.add(key);
    }

    @Override
    public void release(String key) {
        claimed.remove(key);
    }
}
