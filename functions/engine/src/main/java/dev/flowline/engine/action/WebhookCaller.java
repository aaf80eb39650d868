package dev.flowline.engine.action;

/**
 * Calls webhook endpoints. A request whose {@code idempotencyKey} was already sent is not sent again: the
 * answer it got is returned.
 */
@FunctionalInterface
public interface WebhookCaller {

    WebhookResponse call(WebhookRequest request);
}
