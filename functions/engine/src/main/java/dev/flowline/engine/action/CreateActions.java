package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.crm.CrmRejection;
import dev.flowline.engine.criteria.FilterEvaluator;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.ListBasedCriteria;
import dev.flowline.engine.definition.SingleConnectionAction;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Create task ({@code 0-3}) and create record ({@code 0-14}), both associated with the enrolled contact.
 * A created contact that would enrol in the creating flow is not created (reference 6.1), so that a flow
 * cannot feed itself forever.
 */
final class CreateActions {

    static final String LOOP_GUARD = "The enrolled record was created by this workflow, so this action was "
            + "skipped to prevent an infinite loop";

    private static final FilterEvaluator FILTERS = new FilterEvaluator();

    private CreateActions() {
    }

    static ActionHandler<SingleConnectionAction> task(CrmRecords records) {
        return (action, context) -> createTask(records, action, context);
    }

    static ActionHandler<SingleConnectionAction> record(CrmRecords records) {
        return (action, context) -> createRecord(records, action, context);
    }

    private static StepResult createTask(CrmRecords records, SingleConnectionAction action, ActionContext context) {
        JsonNode fields = action.fields();
        String subject = context.fill(Fields.text(fields, "subject"));
        if (subject.isBlank()) {
            return Results.failed(action, "the task has no subject");
        }
        JsonNode due = Fields.node(fields, "due_time");
        Instant dueAt = due == null || !due.isObject() ? null : RelativeTime.from(due, context.now(), context.timeZone());
        var task = new NewTask(context.idempotencyKey(), context.flow().id(), context.contact().id(),
                Fields.text(fields, "task_type"), subject, context.fill(Fields.text(fields, "body")),
                Fields.text(fields, "priority"), owner(Fields.node(fields, "owner_assignment"), context), dueAt);
        try {
            return Results.succeeded(action, "created task " + records.createTask(task) + " \"" + subject + "\"");
        } catch (CrmRejection e) {
            return Results.failed(action, "the task was not created: " + e.getMessage());
        }
    }

    /** {@code owner_assignment.value}: an owner id as text, or a value-union member (e.g. the contact owner). */
    private static String owner(JsonNode assignment, ActionContext context) {
        JsonNode value = assignment == null ? null : assignment.get("value");
        if (value == null || value.isNull()) {
            return null;
        }
        String owner = value.isObject() ? Values.resolve(value, context).orElse("")
                : context.fill(value.asText());
        return owner.isBlank() ? null : owner;
    }

    private static StepResult createRecord(CrmRecords records, SingleConnectionAction action, ActionContext context) {
        String objectType = Fields.text(action.fields(), "object_type_id");
        if (objectType.isBlank()) {
            return Results.failed(action, "the action names no object type");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        JsonNode targets = Fields.node(action.fields(), "properties");
        if (targets != null) {
            targets.forEach(target -> Values.resolve(target.get("value"), context)
                    .ifPresent(value -> properties.put(target.path("targetProperty").asText(), value)));
        }
        if (wouldEnrolInSameFlow(objectType, properties, context)) {
            return Results.skipped(action, LOOP_GUARD);
        }
        var record = new NewRecord(context.idempotencyKey(), context.flow().id(), context.contact().id(), objectType,
                properties);
        try {
            return Results.succeeded(action, "created record " + records.createRecord(record) + " of type "
                    + objectType);
        } catch (CrmRejection e) {
            return Results.failed(action, "the record was not created: " + e.getMessage());
        }
    }

    /** Whether a new record of this type with these properties would meet the flow's own triggers. */
    private static boolean wouldEnrolInSameFlow(String objectType, Map<String, String> properties,
                                                ActionContext context) {
        Flow flow = context.flow();
        String flowObject = flow.objectTypeId() == null ? Flow.CONTACT_OBJECT : flow.objectTypeId();
        if (!objectType.equals(flowObject) || !Flow.CONTACT_OBJECT.equals(objectType)
                || !(flow.enrollmentCriteria() instanceof ListBasedCriteria triggers)
                || triggers.listFilterBranch() == null) {
            return false;
        }
        var created = new Contact("new-record-of-" + context.idempotencyKey());
        properties.forEach((name, value) -> created.setProperty(name, value, context.now()));
        return FILTERS.matches(triggers.listFilterBranch(), created, context.evaluation());
    }
}
