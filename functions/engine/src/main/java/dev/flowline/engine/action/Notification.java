package dev.flowline.engine.action;

import java.time.Instant;

/**
 * An in-app notification as one user's inbox holds it. Its {@code id} sorts by the time it was sent; {@code readAt}
 * is null until the user marks it read.
 */
public record Notification(String id, String userId, String flowId, String contactId, String subject, String body,
                           Instant createdAt, Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
