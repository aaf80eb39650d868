package dev.flowline.engine.action;

/** An internal SMS about the enrolled contact, to a phone number, tokens already replaced. */
public record SmsMessage(String idempotencyKey, String flowId, String contactId, String phoneNumber, String body) {
}
