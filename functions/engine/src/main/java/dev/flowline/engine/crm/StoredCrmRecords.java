package dev.flowline.engine.crm;

import dev.flowline.engine.action.CrmRecords;
import dev.flowline.engine.action.NewRecord;
import dev.flowline.engine.action.NewTask;
import dev.flowline.engine.action.RecordUpdate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks ({@code 0-3}) and records ({@code 0-14}) of flows, made in the CRM object store and associated with the
 * enrolled contact by the default type, and the properties flows set on associated records ({@code 0-5}). Each record's id comes from the step's idempotency key, so a redelivered
 * step finds the record it made instead of making a second.
 */
public final class StoredCrmRecords implements CrmRecords {

    static final String NOT_STARTED = "NOT_STARTED";

    private final Clock clock;
    private final CrmObjects objects;

    public StoredCrmRecords(Clock clock, CrmObjects objects) {
        this.clock = clock;
        this.objects = objects;
    }

    @Override
    public String createTask(NewTask task) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hs_task_subject", task.subject());
        properties.put("hs_task_body", task.body());
        properties.put("hs_task_type", task.taskType().isBlank() ? "TODO" : task.taskType());
        properties.put("hs_task_priority", task.priority().isBlank() ? "NONE" : task.priority());
        properties.put("hs_task_status", NOT_STARTED);
        // HubSpot's due date of a task; one with no due time is due when it is created.
        properties.put("hs_timestamp", (task.dueAt() != null ? task.dueAt() : clock.instant()).toString());
        if (task.ownerId() != null) {
            properties.put("hubspot_owner_id", task.ownerId());
        }
        return create(CrmObjectType.TASK, task.idempotencyKey(), properties, task.contactId());
    }

    @Override
    public String createRecord(NewRecord record) {
        CrmObjectType type = CrmObjectType.named(record.objectTypeId())
                .filter(t -> t != CrmObjectType.CONTACT && t.id().equals(record.objectTypeId()))
                .orElseThrow(() -> new CrmRejection("Flowline cannot create records of object type "
                        + record.objectTypeId() + "; it creates companies (0-2), deals (0-3), tickets (0-5), "
                        + "tasks (0-27) and notes (0-46)"));
        return create(type, record.idempotencyKey(), record.properties(), record.contactId());
    }

    @Override
    public boolean updateRecord(RecordUpdate update) {
        return objects.update(update.record().type(), update.record().id(),
                Map.of(update.property(), update.value())).isPresent();
    }

    private String create(CrmObjectType type, String idempotencyKey, Map<String, String> properties,
                          String contactId) {
        return objects.create(type, CrmObjects.idFor(idempotencyKey), properties,
                List.of(new AssociationInput(ObjectRef.contact(contactId), Set.of()))).id();
    }
}
