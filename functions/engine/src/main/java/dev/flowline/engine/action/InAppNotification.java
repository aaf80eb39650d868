package dev.flowline.engine.action;

import java.time.Instant;
import java.util.List;

/**
 * An in-app notification (action {@code 0-9}) to users, tokens already replaced, sent at {@code sentAt}.
 * {@code emails} are the users' addresses, for a copy by email where the deployment sends one.
 */
public record InAppNotification(String idempotencyKey, String flowId, String contactId, List<String> userIds,
                                List<String> emails, String deliveryMethod, String subject, String body,
                                Instant sentAt) {

    public InAppNotification {
        userIds = List.copyOf(userIds);
        emails = List.copyOf(emails);
    }
}
