package dev.flowline.engine.action;

/** Sends email. Each message carries the step's idempotency key: the same key is sent at most once. */
public interface Mailer {

    void sendMarketingEmail(MarketingEmail email);

    void sendInternalEmail(InternalEmail email);
}
