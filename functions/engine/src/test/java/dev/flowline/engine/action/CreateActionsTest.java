package dev.flowline.engine.action;

import dev.flowline.engine.crm.Association;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.ObjectRef;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.InMemoryContactStore;
import dev.flowline.engine.simulation.Outbox;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.context;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.ActionTesting.ports;
import static org.assertj.core.api.Assertions.assertThat;

class CreateActionsTest {

    private final Outbox outbox = new Outbox();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final ActionExecutor executor = ActionHandlers.executor(ports(outbox, contacts),
            ActionTesting.NO_WORKFLOWS, ActionTesting.NO_LISTS, (contactId, runningIn) -> false);
    private final dev.flowline.engine.contact.Contact ada = contact("c", "firstname", "Ada", "hubspot_owner_id", "77");

    CreateActionsTest() {
        contacts.create(ada);
    }

    private StepResult.Next run(Flow flow) {
        return run(flow, START);
    }

    private StepResult.Next run(Flow flow, Instant now) {
        return (StepResult.Next) executor.execute(flow.action("1").orElseThrow(), context(flow, ada, now));
    }

    private List<Association> associationsOfAda(CrmObjectType type) {
        return outbox.crm().associations(ObjectRef.contact("c"), type, null, 10).items();
    }

    @Test
    void aTaskIsCreatedForTheContactWithTokensOwnerAndDueTime() {
        var result = run(flow("f", action("0-3", """
                {"task_type":"CALL","subject":"Call {{ enrolled_object.firstname }}","body":"About the demo",
                 "priority":"HIGH","owner_assignment":{"type":"CUSTOM","value":{"type":"OBJECT_PROPERTY","propertyName":"hubspot_owner_id"}},
                 "due_time":{"delta":1,"timeUnit":"DAYS","timeOfDay":{"hour":8,"minute":0}}}""")));

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SUCCEEDED);
        assertThat(outbox.tasks()).singleElement().satisfies(task -> {
            assertThat(task.properties()).containsEntry("hs_task_type", "CALL")
                    .containsEntry("hs_task_subject", "Call Ada")
                    .containsEntry("hs_task_body", "About the demo")
                    .containsEntry("hs_task_priority", "HIGH")
                    .containsEntry("hs_task_status", "NOT_STARTED")
                    .containsEntry("hubspot_owner_id", "77")
                    .containsEntry("hs_timestamp", "2026-03-03T07:00:00Z");
            assertThat(result.outcome().detail()).isEqualTo("created task " + task.id() + " \"Call Ada\"");
            assertThat(outbox.crm().associations(task.ref(), CrmObjectType.CONTACT, null, 10).items())
                    .singleElement().satisfies(association -> {
                        assertThat(association.to()).isEqualTo(ObjectRef.contact("c"));
                        assertThat(association.typeIds()).containsExactly(204);
                    });
            assertThat(associationsOfAda(CrmObjectType.TASK)).singleElement()
                    .satisfies(association -> assertThat(association.typeIds()).containsExactly(203));
        });
    }

    @Test
    void aDueTimeInBusinessDaysSkipsTheWeekendAtTheTimeOfDayOfTheAccountTimeZone() {
        Instant fridayAfternoonInParis = Instant.parse("2026-03-06T15:00:00Z");

        run(flow("f", action("0-3", """
                {"subject":"Call","due_time":{"delta":2,"timeUnit":"BUSINESS_DAYS","timeOfDay":{"hour":9,"minute":30}}}""")),
                fridayAfternoonInParis);

        assertThat(outbox.tasks()).singleElement().satisfies(task -> assertThat(task.properties())
                .as("Tuesday 9:30 in Paris").containsEntry("hs_timestamp", "2026-03-10T08:30:00Z"));
    }

    @Test
    void aDueTimeWithAStaticTimeZoneCountsInItAcrossItsDaylightSavingChange() {
        Instant fridayMorningInNewYork = Instant.parse("2026-03-06T15:00:00Z");

        run(flow("f", action("0-3", """
                {"subject":"Call","due_time":{"delta":1,"timeUnit":"BUSINESS_DAYS","timeOfDay":{"hour":9,"minute":0},
                 "timeZoneStrategy":{"type":"STATIC","timeZoneId":"America/New_York"}}}""")), fridayMorningInNewYork);

        assertThat(outbox.tasks()).singleElement().satisfies(task -> assertThat(task.properties())
                .as("Monday 9:00 in New York, summer time since Sunday").containsEntry("hs_timestamp", "2026-03-09T13:00:00Z"));
    }

    @Test
    void aTaskWithoutDueTimeIsDueWhenCreatedWithDefaultTypeAndPriority() {
        run(flow("f", action("0-3", "{\"subject\":\"Call\"}")));

        assertThat(outbox.tasks()).singleElement().satisfies(task -> assertThat(task.properties())
                .containsEntry("hs_timestamp", START.toString()).containsEntry("hs_task_type", "TODO")
                .containsEntry("hs_task_priority", "NONE").doesNotContainKey("hubspot_owner_id"));
    }

    @Test
    void theSameTaskStepRunTwiceCreatesOneTask() {
        Flow flow = flow("f", action("0-3", "{\"subject\":\"Call\",\"owner_assignment\":{\"type\":\"CUSTOM\",\"value\":\"12\"}}"));
        var first = run(flow);
        var second = run(flow);

        assertThat(second.outcome()).isEqualTo(first.outcome());
        assertThat(outbox.tasks()).singleElement()
                .satisfies(task -> assertThat(task.properties()).containsEntry("hubspot_owner_id", "12"));
        assertThat(associationsOfAda(CrmObjectType.TASK)).hasSize(1);
    }

    @Test
    void aRecordIsCreatedWithItsResolvedPropertiesAndAssociatedWithTheContact() {
        var result = run(flow("f", action("0-14", """
                {"object_type_id":"0-3","properties":[
                  {"targetProperty":"dealname","value":{"type":"STATIC_VALUE","staticValue":"Deal for {{ enrolled_object.firstname }}"}},
                  {"targetProperty":"hubspot_owner_id","value":{"type":"OBJECT_PROPERTY","propertyName":"hubspot_owner_id"}}]}""")));

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SUCCEEDED);
        CrmObject deal = outbox.crm().page(CrmObjectType.DEAL, null, 10).items().getFirst();
        assertThat(deal.properties()).containsEntry("dealname", "Deal for Ada").containsEntry("hubspot_owner_id", "77");
        assertThat(associationsOfAda(CrmObjectType.DEAL)).singleElement().satisfies(association -> {
            assertThat(association.to()).isEqualTo(deal.ref());
            assertThat(association.typeIds()).containsExactly(4);
        });
    }

    @Test
    void aRecordOfAnUnknownObjectTypeFailsAndNothingIsWritten() {
        var result = run(flow("f", action("0-14", """
                {"object_type_id":"2-999","properties":[{"targetProperty":"name","value":{"type":"STATIC_VALUE","staticValue":"x"}}]}""")));

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(result.outcome().detail()).startsWith("the record was not created: Flowline cannot create records "
                + "of object type 2-999");
        for (CrmObjectType type : CrmObjectType.values()) {
            assertThat(associationsOfAda(type)).isEmpty();
        }
    }

    @Test
    void aTaskForAContactThatIsGoneFailsAndNothingIsWritten() {
        contacts.delete("c");

        var result = run(flow("f", action("0-3", "{\"subject\":\"Call\"}")));

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(result.outcome().detail()).isEqualTo("the task was not created: there is no contact c");
        assertThat(outbox.tasks()).isEmpty();
    }

    @Test
    void aContactThatWouldEnrolInTheSameFlowIsNotCreated() {
        Flow flow = withTriggers(flow("f", contactCreation("lead")), "lifecyclestage", "lead");

        var result = run(flow);

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SKIPPED);
        assertThat(result.outcome().detail()).isEqualTo(
                "The enrolled record was created by this workflow, so this action was skipped to prevent an infinite loop");
        assertThat(associationsOfAda(CrmObjectType.CONTACT)).isEmpty();
    }

    @Test
    void aContactThatWouldNotMeetTheFlowsTriggersIsNotCreatedEither() {
        Flow flow = withTriggers(flow("f", contactCreation("customer")), "lifecyclestage", "lead");

        var result = run(flow);

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(result.outcome().detail()).contains("cannot create records of object type 0-1");
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
