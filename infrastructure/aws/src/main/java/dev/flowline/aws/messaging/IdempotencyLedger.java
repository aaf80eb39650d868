package dev.flowline.aws.messaging;

/**
 * Remembers which side effects have happened, by idempotency key. {@link #claim} succeeds once per key, for
 * whoever claims it first; {@link #release} gives a key back when its effect failed, so a retry may claim it.
 */
public interface IdempotencyLedger {

    boolean claim(String key);

    void release(String key);
}
