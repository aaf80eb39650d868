package dev.flowline.aws;

import dev.flowline.engine.action.CrmRecords;
import dev.flowline.engine.action.InAppNotification;
import dev.flowline.engine.action.NewRecord;
import dev.flowline.engine.action.NewTask;
import dev.flowline.engine.action.Notifier;
import dev.flowline.engine.action.OwnerDirectory;
import dev.flowline.engine.action.RotationState;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services Flowline has no AWS backend for yet. Notifications, tasks and records are logged and dropped;
 * no team has members; round-robin turns are counted per function instance.
 */
final class StandInServices implements Notifier, CrmRecords, OwnerDirectory, RotationState {

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
    public void createTask(NewTask task) {
        LOG.log(System.Logger.Level.INFO, "task {0} dropped: no CRM is connected", task.idempotencyKey());
    }

    @Override
    public void createRecord(NewRecord record) {
        LOG.log(System.Logger.Level.INFO, "record {0} dropped: no CRM is connected", record.idempotencyKey());
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
}
