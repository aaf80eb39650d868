package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One attempt at a webhook.
 *
 * @param idempotencyKey the step's key: one attempt per step, however often the step message comes
 * @param url            the endpoint with its query string
 * @param headers        including {@value WebhookHandler#IDEMPOTENCY_HEADER}, the same on every attempt of one
 *                       delivery, so that the receiver can deduplicate retries
 * @param body           JSON, or null for methods without a body
 * @param authSettings   the action's {@code authSettings} as HubSpot wrote them, for the adapter to apply
 */
public record WebhookRequest(String idempotencyKey, String method, String url, Map<String, String> headers,
                             String body, JsonNode authSettings) {
}
