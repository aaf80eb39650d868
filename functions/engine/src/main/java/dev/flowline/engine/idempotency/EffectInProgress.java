package dev.flowline.engine.idempotency;

/** Another run of the same step is making this side effect now: the message is retried once it has finished. */
public final class EffectInProgress extends RuntimeException {

    public EffectInProgress(String idempotencyKey) {
        super("the effect " + idempotencyKey + " is being made by another run of its step");
    }
}
