package dev.flowline.aws;

import dev.flowline.engine.action.InAppNotification;
import dev.flowline.engine.action.Notifier;
import dev.flowline.engine.action.OwnerDirectory;
import dev.flowline.engine.action.RotationState;
import dev.flowline.engine.action.SmsMessage;
import dev.flowline.engine.action.SmsQuota;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.SmsStatus;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services Flowline has no AWS backend for yet. Notifications are logged and dropped;
 * no team has members; round-robin turns are counted per function instance; SMS are never sent (no provider is
 * connected), so the SMS action fails, and the monthly quota is not counted.
 */
final class StandInServices implements Notifier, OwnerDirectory, RotationState, SmsSender, SmsQuota {

    private static final System.Logger LOG = System.getLogger(StandInServices.class.getName());

    private final Map<String, Long> turnsByKey = new ConcurrentHashMap<>();
    private final Map<String, Rotation> rotations = new ConcurrentHashMap<>();

    private record Rotation(SortedSet<String> owners, long turns) {
    }

    @Override
    public void notify(InAppNotification notification) {
        LOG.log(System.Logger.Level.INFO, "in-app notification {0} dropped: no notification service is connected",
                notification.idempotencyKey());
    }

    @Override
    public List<String> eligibleMembers(String teamId) {
        return List.of();
    }

    @Override
    public synchronized long nextTurn(String rotationId, SortedSet<String> owners, String idempotencyKey) {
        return turnsByKey.computeIfAbsent(idempotencyKey, key -> {
            Rotation rotation = rotations.get(rotationId);
            long turn = rotation == null || !rotation.owners().equals(owners) ? 0 : rotation.turns();
            rotations.put(rotationId, new Rotation(owners, turn + 1));
            return turn;
        });
    }

    @Override
    public String send(SmsMessage message) {
        return "unsent-" + message.idempotencyKey();
    }

    @Override
    public SmsStatus status(String messageId) {
        return SmsStatus.FAILED;
    }

    @Override
    public boolean reserve(YearMonth month, int limit, String idempotencyKey) {
        return true;
    }
}
