package dev.flowline.engine.action;

/**
 * Sends text messages through a pluggable provider. Sending the same idempotency key again returns the first
 * message's id and sends nothing.
 */
public interface SmsSender {

    /** Hands the message to the provider and returns its id, to ask for the delivery status later. */
    String send(SmsMessage message);

    SmsStatus status(String messageId);
}
