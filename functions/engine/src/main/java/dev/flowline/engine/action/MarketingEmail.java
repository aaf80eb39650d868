package dev.flowline.engine.action;

import java.util.Map;

/** A marketing email (action {@code 0-4}) for the enrolled contact, with its personalisation values. */
public record MarketingEmail(String idempotencyKey, String flowId, String contactId, String to, String contentId,
                             Map<String, String> personalisation) {
}
