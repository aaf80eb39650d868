package dev.flowline.engine.action;

/** Shows in-app notifications to users. The same idempotency key is delivered at most once. */
public interface Notifier {

    void notify(InAppNotification notification);
}
