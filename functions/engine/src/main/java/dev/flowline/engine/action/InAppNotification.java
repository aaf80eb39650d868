package dev.flowline.engine.action;

import java.util.List;

/** An in-app notification (action {@code 0-9}) to users, tokens already replaced. */
public record InAppNotification(String idempotencyKey, String flowId, String contactId, List<String> userIds,
                                String deliveryMethod, String subject, String body) {
}
