package dev.flowline.aws.lambda;

/**
 * A message that can never be handled, however often it comes back: it goes to the handler's dead-letter queue at
 * once, with this reason, instead of being retried.
 */
public final class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason);
    }
}
