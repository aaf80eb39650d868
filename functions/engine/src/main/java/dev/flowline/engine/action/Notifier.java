package dev.flowline.engine.action;

import dev.flowline.engine.Page;

import java.time.Instant;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;

/**
 * Shows in-app notifications to users: each user's inbox, newest first. The same idempotency key is delivered at
 * most once.
 */
public interface Notifier {

    void notify(InAppNotification notification);

    /** The user's notifications, newest first, from after the notification {@code after} (null: the newest). */
    Page<Notification> inbox(String userId, String after, int limit);

    /** Marks the user's notification read at {@code at}; false when the user has no such notification. */
    boolean markRead(String userId, String notificationId, Instant at);

    /**
     * The id of a notification: its time in epoch milliseconds, 13 digits, so ids sort as the notifications were
     * sent, then a hash of its idempotency key, so a notification sent again gets the same id.
     */
    static String idOf(InAppNotification notification) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(notification.idempotencyKey().getBytes(StandardCharsets.UTF_8));
            return String.format("%013d", notification.sentAt().toEpochMilli()) + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
