package dev.flowline.engine.action;

import dev.flowline.engine.email.EmailMessage;

/** A marketing email (action {@code 0-4}) for the enrolled contact: its template filled in for the contact. */
public record MarketingEmail(String idempotencyKey, String flowId, String contactId, String to, String contentId,
                             EmailMessage message) {
}
