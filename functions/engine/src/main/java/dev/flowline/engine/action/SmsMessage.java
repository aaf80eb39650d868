package dev.flowline.engine.action;

import java.util.List;

/** An internal SMS about the enrolled contact, to users and/or a phone number, tokens already replaced. */
public record SmsMessage(String idempotencyKey, String flowId, String contactId, List<String> userIds,
                         String phoneNumber, String body) {
}
