package dev.flowline.engine.action;

import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.Outbox;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.context;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.ActionTesting.executor;
import static org.assertj.core.api.Assertions.assertThat;

class CreateActionsTest {

    private final Outbox outbox = new Outbox();
    private final ActionExecutor executor = executor(outbox);
    private final dev.flowline.engine.contact.Contact ada = contact("c", "firstname", "Ada", "hubspot_owner_id", "77");

    private StepResult.Next run(Flow flow) {
        return (StepResult.Next) executor.execute(flow.action("1").orElseThrow(), context(flow, ada, START));
    }

    @Test
    void aTaskIsCreatedForTheContactWithTokensOwnerAndDueTime() {
        var result = run(flow("f", action("0-3", """
                {"task_type":"CALL","subject":"Call {{ enrolled_object.firstname }}","body":"About the demo",
                 "priority":"HIGH","owner_assignment":{"type":"CUSTOM","value":{"type":"OBJECT_PROPERTY","propertyName":"hubspot_owner_id"}},
                 "due_time":{"delta":1,"timeUnit":"DAYS","timeOfDay":{"hour":8,"minute":0}}}""")));

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SUCCEEDED);
        assertThat(outbox.tasks()).singleElement().satisfies(task -> {
            assertThat(task.contactId()).isEqualTo("c");
            assertThat(task.taskType()).isEqualTo("CALL");
            assertThat(task.subject()).isEqualTo("Call Ada");
            assertThat(task.priority()).isEqualTo("HIGH");
            assertThat(task.ownerId()).isEqualTo("77");
            assertThat(task.dueAt()).isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
        });
    }

    @Test
    void theSameTaskStepRunTwiceCreatesOneTask() {
        Flow flow = flow("f", action("0-3", "{\"subject\":\"Call\",\"owner_assignment\":{\"type\":\"CUSTOM\",\"value\":\"12\"}}"));
        run(flow);
        run(flow);

        assertThat(outbox.tasks()).singleElement().satisfies(task -> {
            assertThat(task.ownerId()).isEqualTo("12");
            assertThat(task.dueAt()).isNull();
        });
    }

    @Test
    void aRecordIsCreatedWithItsResolvedProperties() {
        var result = run(flow("f", action("0-14", """
                {"object_type_id":"0-3","properties":[
                  {"targetProperty":"dealname","value":{"type":"STATIC_VALUE","staticValue":"Deal for {{ enrolled_object.firstname }}"}},
                  {"targetProperty":"hubspot_owner_id","value":{"type":"OBJECT_PROPERTY","propertyName":"hubspot_owner_id"}}]}""")));

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SUCCEEDED);
        assertThat(outbox.records()).singleElement().satisfies(record -> {
            assertThat(record.objectTypeId()).isEqualTo("0-3");
            assertThat(record.contactId()).isEqualTo("c");
            assertThat(record.properties()).containsEntry("dealname", "Deal for Ada").containsEntry("hubspot_owner_id", "77");
        });
    }

    @Test
    void aContactThatWouldEnrolInTheSameFlowIsNotCreated() {
        Flow flow = withTriggers(flow("f", contactCreation("lead")), "lifecyclestage", "lead");

        var result = run(flow);

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SKIPPED);
        assertThat(result.outcome().detail()).isEqualTo(
                "The enrolled record was created by this workflow, so this action was skipped to prevent an infinite loop");
        assertThat(outbox.records()).isEmpty();
    }

    @Test
    void aContactThatWouldNotMeetTheFlowsTriggersIsCreated() {
        Flow flow = withTriggers(flow("f", contactCreation("customer")), "lifecyclestage", "lead");

        var result = run(flow);

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SUCCEEDED);
        assertThat(outbox.records()).hasSize(1);
    }

    private static String contactCreation(String stage) {
        return action("0-14", """
                {"object_type_id":"0-1","properties":[
                  {"targetProperty":"lifecyclestage","value":{"type":"STATIC_VALUE","staticValue":"%s"}}]}""".formatted(stage));
    }

    /** The flow, enrolling contacts whose {@code property} equals {@code value}. */
    private static Flow withTriggers(Flow flow, String property, String value) {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) ActionTesting.read(flow.toJson());
        json.set("enrollmentCriteria", ActionTesting.read("""
                {"type":"LIST_BASED","shouldReEnroll":false,"listFilterBranch":{"filterBranchType":"OR","filterBranchOperator":"OR",
                 "filters":[],"filterBranches":[{"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],
                 "filters":[{"filterType":"PROPERTY","property":"%s",
                   "operation":{"operationType":"ENUMERATION","operator":"IS_ANY_OF","values":["%s"],"includeObjectsWithNoValueSet":false}}]}]}}"""
                .formatted(property, value)));
        return FlowlineJson.read(json, Flow.class);
    }
}
