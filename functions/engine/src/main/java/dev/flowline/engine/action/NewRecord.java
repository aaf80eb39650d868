package dev.flowline.engine.action;

import java.util.Map;

/** A CRM record (action {@code 0-14}) of {@code objectTypeId}, associated with the enrolled contact. */
public record NewRecord(String idempotencyKey, String flowId, String contactId, String objectTypeId,
                        Map<String, String> properties) {
}
