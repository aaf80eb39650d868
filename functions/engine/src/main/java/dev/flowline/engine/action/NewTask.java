package dev.flowline.engine.action;

import java.time.Instant;

/**
 * A task (action {@code 0-3}) associated with the enrolled contact, tokens already replaced.
 *
 * @param ownerId the user the task is assigned to, or null
 * @param dueAt   when the task is due, or null when the action sets no due time
 */
public record NewTask(String idempotencyKey, String flowId, String contactId, String taskType, String subject,
                      String body, String priority, String ownerId, Instant dueAt) {
}
