package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.SampleFlows;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.HistoryKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.flowline.local.FlowJson.action;
import static dev.flowline.local.Eventually.await;
import static dev.flowline.local.Eventually.awaitQueuesEmpty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole local runtime (the deployed wiring on embedded DynamoDB and SQS, the bus, the pollers): a list action
 * writes the list as the lists API does, so the contact is unenrolled at once from a flow whose suppression list it
 * joined, a flow triggered by joining the list starts, and the list's memberships show it; a contact created through
 * the CRM API starts a "contact is created" flow, an update does not.
 */
class ListsAndCrmEventsEndToEndTest {

    private static final String CONTACTS = "/crm/v3/objects/contacts";
    private static final String CREATED = """
            {"filterBranchType":"UNIFIED_EVENTS","filterBranchOperator":"AND","eventTypeId":"4-1463224",
             "operator":"HAS_COMPLETED","filterBranches":[],"filters":[]}""";

    @RegisterExtension
    static final LocalRuntimeExtension local = new LocalRuntimeExtension();

    @BeforeAll
    static void putEmailTemplates() {
        SampleFlows.putEmailTemplates(local.runtime().engine(), "nurture");
    }

    @Test
    void aListActionUnenrolsFromTheFlowItSuppressesAtOnceAndStartsTheFlowTriggeredByTheList() {
        String listId = local.api().call("POST", "/crm/v3/lists",
                "{\"name\":\"Do not nurture\",\"objectTypeId\":\"0-1\",\"processingType\":\"MANUAL\"}", 200)
                .path("list").path("listId").asText();
        save(flow("nurture", "{\"type\":\"MANUAL\",\"shouldReEnroll\":false}", listId,
                action("1", "2", "0-1", "{\"delta\":\"1\",\"time_unit\":\"DAYS\"}"),
                action("2", null, "0-4", "{\"content_id\":\"nurture\"}")));
        save(flow("joined", """
                {"type":"EVENT_BASED","shouldReEnroll":false,"eventFilterBranches":[],"listMembershipFilterBranches":[
                  {"filterBranchType":"OR","filterBranchOperator":"OR","filterBranches":[],"filters":[
                    {"filterType":"IN_LIST","listId":"%s","operator":"IN_LIST"}]}]}""".formatted(listId), null,
                action("1", null, "0-5", "{\"property_name\":\"joined\","
                        + "\"value\":{\"type\":\"STATIC_VALUE\",\"staticValue\":\"yes\"}}")));
        save(flow("lister", "{\"type\":\"MANUAL\",\"shouldReEnroll\":false}", null,
                action("1", null, "0-63809083", "{\"listId\":\"" + listId + "\",\"targetObject\":\"{{ enrolled_object }}\"}")));
        String ada = contact("ada@example.com");
        Instant start = local.runtime().devClock().orElseThrow().instant();
        assertThat(local.runtime().engine().engine().enrolByAction("nurture", ada).isEnrolled()).isTrue();
        await("ada waits a day in nurture", () -> enrolment("nurture", ada)
                .filter(e -> e.dueAt() != null && e.dueAt().isAfter(start.plus(Duration.ofHours(23)))));

        assertThat(local.runtime().engine().engine().enrolByAction("lister", ada).isEnrolled()).isTrue();

        Enrolment suppressed = await("ada is unenrolled from nurture", () -> enrolment("nurture", ada)
                .filter(e -> e.status() == EnrolmentStatus.UNENROLLED));
        assertThat(suppressed.unenrolmentReason()).isEqualTo(UnenrolmentReason.SUPPRESSION_LIST);
        assertThat(suppressed.endedAt()).as("at once, not at its next action a day later")
                .isBefore(start.plus(Duration.ofHours(1)));
        await("the flow triggered by joining the list ran", () -> local.runtime().engine().engine().ports().contacts()
                .find(ada).filter(contact -> contact.value("joined").isPresent()));
        JsonNode members = local.api().call("GET", "/crm/v3/lists/" + listId + "/memberships", null, 200);
        assertThat(members.path("results")).extracting(member -> member.path("recordId").asText()).containsExactly(ada);
        assertThat(local.runtime().engine().engine().ports().history().ofContact(ada)).filteredOn(line ->
                        "lister".equals(line.flowId()) && line.kind() == HistoryKind.ACTION_SUCCEEDED)
                .singleElement().satisfies(line -> assertThat(line.detail()).isEqualTo("added to list " + listId));
    }

    @Test
    void aContactCreatedThroughTheApiStartsTheContactIsCreatedFlowAndAnUpdateDoesNot() {
        String bea = contact("bea@example.com");
        awaitQueuesEmpty(local.runtime());
        save(flow("welcome", """
                {"type":"EVENT_BASED","shouldReEnroll":true,"eventFilterBranches":[%s],
                 "listMembershipFilterBranches":[]}""".formatted(CREATED), null,
                action("1", null, "0-5", "{\"property_name\":\"welcomed\","
                        + "\"value\":{\"type\":\"STATIC_VALUE\",\"staticValue\":\"yes\"}}")));

        local.api().call("PATCH", CONTACTS + "/" + bea, "{\"properties\":{\"lifecyclestage\":\"lead\"}}", 200);
        String cal = contact("cal@example.com");
        JsonNode batch = local.api().call("POST", CONTACTS + "/batch/create", "{\"inputs\":[{\"properties\":{\"email\":"
                + "\"dee@example.com\"}},{\"properties\":{\"email\":\"eli@example.com\"}}]}", 201);
        List<String> created = List.of(cal, batch.path("results").get(0).path("id").asText(),
                batch.path("results").get(1).path("id").asText());

        for (String id : created) {
            await(id + " is enrolled in welcome", () -> enrolment("welcome", id));
        }
        awaitQueuesEmpty(local.runtime());
        assertThat(local.runtime().engine().engine().ports().enrolments().ofContact("welcome", bea))
                .as("updated, not created, after the flow was turned on").isEmpty();
        for (String id : created) {
            assertThat(local.runtime().engine().engine().ports().enrolments().ofContact("welcome", id)).hasSize(1);
        }
    }


    private static String contact(String email) {
        return local.api().call("POST", CONTACTS, "{\"properties\":{\"email\":\"" + email + "\"}}", 201).path("id").asText();
    }

    private static Optional<Enrolment> enrolment(String flowId, String contactId) {
        return local.runtime().engine().engine().ports().enrolments().ofContact(flowId, contactId).stream().findFirst();
    }

    private static void save(Flow flow) {
        local.runtime().engine().engine().ports().flows().save(flow);
    }

    /** A turned-on contact flow; {@code suppressionListId} may be null. */
    private static Flow flow(String id, String criteria, String suppressionListId, String... actions) {
        return Flow.parse("""
                {"id":"%s","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","isEnabled":true,
                 "name":"%s","startActionId":"1","actions":[%s],"enrollmentCriteria":%s,
                 "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[%s],
                 "canEnrollFromSalesforce":false}"""
                .formatted(id, id, String.join(",", actions), criteria,
                        suppressionListId == null ? "" : suppressionListId));
    }
}
