package dev.flowline.aws.dynamodb;

import dev.flowline.aws.messaging.IdempotencyLedger;

/** The senders' {@link IdempotencyLedger} kept in the effects table. */
public record EffectLedgerIdempotency(EffectLedger effects) implements IdempotencyLedger {

    @Override
    public boolean claim(String key) {
        return effects.claim(key);
    }

    @Override
    public void release(String key) {
        effects.release(key);
    }
}
