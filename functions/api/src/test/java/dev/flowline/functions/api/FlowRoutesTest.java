package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.flowline.aws.SampleFlows.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class FlowRoutesTest {

    static final String FLOWS = "/automation/v4/flows";

    /** A contact flow enrolling customers: an email, then a second one. */
    static String newFlow(String name, boolean enabled) {
        return """
                {"type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","isEnabled":%s,"name":"%s",
                 "startActionId":"1","actions":[%s,%s],"enrollmentCriteria":%s,"timeWindows":[],"blockedDates":[],
                 "customProperties":{},"suppressionListIds":[],"canEnrollFromSalesforce":false}"""
                .formatted(enabled, name, marketingEmail("1", "2", "welcome"), marketingEmail("2", null, "next"),
                        SampleFlows.listBased(SampleFlows.CUSTOMER));
    }

    /** The body of a PUT: the flow as read, with its name and switch replaced. */
    static String edited(JsonNode flow, String name, boolean enabled) {
        var copy = (com.fasterxml.jackson.databind.node.ObjectNode) flow.deepCopy();
        copy.put("name", name).put("isEnabled", enabled);
        return copy.toString();
    }

    @Test
    void creatingAFlowAssignsAnIdRevisionOneItsTimesAndTheNextActionId(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);

        var created = api.post(FLOWS, newFlow("Customers", false));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();
        assertThat(id).containsOnlyDigits();
        assertThat(created.body().path("revisionId").asText()).isEqualTo("1");
        assertThat(created.body().path("createdAt").asText()).isEqualTo(FlowApi.NOW.toString());
        assertThat(created.body().path("updatedAt").asText()).isEqualTo(FlowApi.NOW.toString());
        assertThat(created.body().path("nextAvailableActionId").asText()).isEqualTo("3");
        assertThat(api.get(FLOWS + "/" + id).body()).isEqualTo(created.body());
    }

    @Test
    void anInvalidFlowIsA400ListingEveryProblemWithItsPointerAndNothingIsSaved(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        String invalid = newFlow("Broken", false).replace("\"objectTypeId\":\"0-1\",", "")
                .replace("\"content_id\":\"welcome\"", "\"other\":\"x\"");

        var response = api.post(FLOWS, invalid);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        List<String> pointers = new ArrayList<>();
        response.body().path("errors").forEach(error -> pointers.add(error.path("in").asText()));
        assertThat(pointers).contains("/objectTypeId").anyMatch(p -> p.startsWith("/actions/0/fields"));
        assertThat(api.get(FLOWS).body().path("results")).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsA400(EmbeddedAws.Environment aws) {
        var response = new FlowApi(aws).post(FLOWS, "{\"type\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("status").asText()).isEqualTo("error");
    }

    @Test
    void listingPagesThroughEveryFlowWithAfter(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.post(FLOWS, newFlow("Flow " + i, false)).body().path("id").asText());
        }

        var first = api.get(FLOWS + "?limit=2");
        String after = first.body().path("paging").path("next").path("after").asText();
        var second = api.get(FLOWS + "?limit=2&after=" + after);

        assertThat(first.body().path("results")).hasSize(2);
        assertThat(second.body().path("results")).hasSize(1);
        assertThat(second.body().has("paging")).isFalse();
        var listed = new ArrayList<String>();
        first.body().path("results").forEach(flow -> listed.add(flow.path("id").asText()));
        second.body().path("results").forEach(flow -> listed.add(flow.path("id").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
        JsonNode listing = first.body().path("results").get(0);
        assertThat(listing.has("actions")).isFalse();
        assertThat(listing.path("revisionId").asText()).isEqualTo("1");
        assertThat(listing.path("isEnabled").asBoolean()).isFalse();
        assertThat(listing.path("flowType").asText()).isEqualTo("WORKFLOW");
        assertThat(listing.path("objectTypeId").asText()).isEqualTo("0-1");
        assertThat(listing.path("uuid").asText()).isNotEmpty();
    }

    @Test
    void aLimitOutsideOneToOneHundredIsA400(EmbeddedAws.Environment aws) {
        assertThat(new FlowApi(aws).get(FLOWS + "?limit=0").status()).isEqualTo(400);
        assertThat(new FlowApi(aws).get(FLOWS + "?limit=many").status()).isEqualTo(400);
    }

    @Test
    void anUpdateSavesTheNextRevisionAndEveryRevisionStaysReadable(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        JsonNode created = api.post(FLOWS, newFlow("First name", false)).body();
        String id = created.path("id").asText();

        var updated = api.put(FLOWS + "/" + id, edited(created, "Second name", false));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("revisionId").asText()).isEqualTo("2");
        assertThat(updated.body().path("createdAt").asText()).isEqualTo(FlowApi.NOW.toString());
        var first = api.get("/automation/2026-09-beta/flows/" + id + "/revisions/1").body();
        var second = api.get("/automation/2026-09-beta/flows/" + id + "/revisions/2").body();
        assertThat(first.path("flow").path("name").asText()).isEqualTo("First name");
        assertThat(first.path("revisionCreatedAt").asText()).isEqualTo(FlowApi.NOW.toString());
        assertThat(second.path("flow").path("name").asText()).isEqualTo("Second name");
        assertThat(second.path("id").asText()).isEqualTo(id);
        assertThat(api.get("/automation/2026-09-beta/flows/" + id + "/revisions/3").status()).isEqualTo(404);
    }

    @Test
    void anUpdateFromAStaleRevisionIsA409AndChangesNothing(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        JsonNode created = api.post(FLOWS, newFlow("First name", false)).body();
        String id = created.path("id").asText();
        api.put(FLOWS + "/" + id, edited(created, "Second name", false));

        var stale = api.put(FLOWS + "/" + id, edited(created, "Third name", false));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().path("category").asText()).isEqualTo("CONFLICT");
        assertThat(api.get(FLOWS + "/" + id).body().path("name").asText()).isEqualTo("Second name");
    }

    @Test
    void anUpdateWithoutRevisionIdIsA400NamingIt(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        JsonNode created = api.post(FLOWS, newFlow("Customers", false)).body();
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) created.deepCopy();
        body.remove("revisionId");

        var response = api.put(FLOWS + "/" + created.path("id").asText(), body.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("in").asText()).isEqualTo("/revisionId");
    }

    @Test
    void anInvalidUpdateIsA400AndChangesNothing(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        JsonNode created = api.post(FLOWS, newFlow("Customers", false)).body();
        String id = created.path("id").asText();
        String invalid = edited(created, "Broken", false).replace("\"startActionId\":\"1\"", "\"startActionId\":\"9\"");

        var response = api.put(FLOWS + "/" + id, invalid);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors")).isNotEmpty();
        assertThat(api.get(FLOWS + "/" + id).body().path("revisionId").asText()).isEqualTo("1");
    }

    @Test
    void updatingOrDeletingAnUnknownFlowIsA404(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);

        assertThat(api.put(FLOWS + "/404", newFlow("x", false)).status()).isEqualTo(404);
        assertThat(api.delete(FLOWS + "/404").status()).isEqualTo(404);
    }

    @Test
    void aDeletedFlowIsGoneWithItsRevisions(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        String id = api.post(FLOWS, newFlow("Customers", false)).body().path("id").asText();

        var deleted = api.delete(FLOWS + "/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isNull();
        assertThat(api.get(FLOWS + "/" + id).status()).isEqualTo(404);
        assertThat(api.get("/automation/2026-09-beta/flows/" + id + "/revisions/1").status()).isEqualTo(404);
    }

    @Test
    void theActiveEnrolmentsOfADeletedFlowEndAtTheirNextStep(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        String id = api.post(FLOWS, newFlow("Customers", true)).body().path("id").asText();
        var contact = new Contact("c1");
        api.engine.engine().ports().contacts().create(contact);
        var enrolment = api.engine.engine().enroller().enrol(api.engine.engine().ports().flows().find(id).orElseThrow(), contact,
                EnrolmentSource.MANUAL).enrolment().orElseThrow();

        api.delete(FLOWS + "/" + id);
        api.engine.engine().steps().run(enrolment.nextStep());

        Enrolment ended = api.engine.engine().ports().enrolments().find(enrolment.enrolmentId()).orElseThrow();
        assertThat(ended.isActive()).isFalse();
        assertThat(ended.unenrolmentReason()).isEqualTo(UnenrolmentReason.FLOW_DELETED);
    }

    @Test
    void batchReadReturnsTheFlowsFoundAndNamesTheOthersIn207(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        String id = api.post(FLOWS, newFlow("Customers", false)).body().path("id").asText();

        var found = api.post(FLOWS + "/batch/read", """
                {"inputs":[{"flowId":"%s","type":"FLOW_ID"}]}""".formatted(id));
        var partly = api.post(FLOWS + "/batch/read", """
                {"inputs":[{"flowId":"%s","type":"FLOW_ID"},{"flowId":"77","type":"FLOW_ID"}]}""".formatted(id));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("status").asText()).isEqualTo("COMPLETE");
        assertThat(found.body().path("results").get(0).path("id").asText()).isEqualTo(id);
        assertThat(partly.status()).isEqualTo(207);
        assertThat(partly.body().path("results")).hasSize(1);
        assertThat(partly.body().path("errors").get(0).path("context").path("flowId").get(0).asText()).isEqualTo("77");
    }

    @Test
    void batchReadRefusesInputsOfAnotherTypeNamingEachOne(EmbeddedAws.Environment aws) {
        var response = new FlowApi(aws).post(FLOWS + "/batch/read", """
                {"inputs":[{"flowId":"1","type":"WORKFLOW_ID"},{"type":"FLOW_ID"}]}""");

        assertThat(response.status()).isEqualTo(400);
        var pointers = new ArrayList<String>();
        response.body().path("errors").forEach(error -> pointers.add(error.path("in").asText()));
        assertThat(pointers).containsExactly("/inputs/0/type", "/inputs/1/flowId");
    }

    @Test
    void previewListsTheContactsThatMeetTheTriggersAndHaveNotEnrolled(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        String id = api.post(FLOWS, newFlow("Customers", false)).body().path("id").asText();
        for (int i = 1; i <= 5; i++) {
            var contact = new Contact("c" + i);
            contact.setProperty("lifecyclestage", i <= 3 ? "customer" : "lead", FlowApi.NOW);
            api.engine.engine().ports().contacts().create(contact);
        }
        api.engine.engine().ports().enrolments().create(Enrolment.start(id, "c3", 1, EnrolmentSource.MANUAL, "1", FlowApi.NOW));

        var all = api.post(FLOWS + "/" + id + "/preview", null);
        var firstPage = api.post(FLOWS + "/" + id + "/preview?limit=1", null);
        String after = firstPage.body().path("paging").path("next").path("after").asText();
        var rest = api.post(FLOWS + "/" + id + "/preview?after=" + after, null);

        assertThat(ids(all.body())).containsExactlyInAnyOrder("c1", "c2");
        assertThat(ids(firstPage.body())).hasSize(1);
        assertThat(ids(rest.body())).hasSize(1).doesNotContainAnyElementsOf(ids(firstPage.body()));
    }

    @Test
    void aPreviewSavedAsAListMakesTheContactsThatWouldEnrolMembersOfANewManualList(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        String id = api.post(FLOWS, newFlow("Customers", false)).body().path("id").asText();
        saveContacts(api, 250);

        var response = api.post(FLOWS + "/" + id + "/preview", "{\"saveAsListName\":\"Customers now\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().path("size").asInt()).isEqualTo(125);
        String listId = response.body().path("list").path("listId").asText();
        assertThat(api.engine.engine().ports().lists().list(listId).orElseThrow().processingType()).isEqualTo("MANUAL");
        assertThat(api.engine.engine().ports().contacts().find("c0").orElseThrow().staticListIds()).contains(listId);
        assertThat(api.engine.engine().ports().contacts().find("c1").orElseThrow().staticListIds()).doesNotContain(listId);
        assertThat(api.engine.engine().ports().lists().members(listId, null, 250).items()).hasSize(125);
    }

    @Test
    void aPreviewListNameMustBeANonEmptyString(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        String id = api.post(FLOWS, newFlow("Customers", false)).body().path("id").asText();

        var response = api.post(FLOWS + "/" + id + "/preview", "{\"saveAsListName\":7}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("in").asText()).isEqualTo("/saveAsListName");
        assertThat(api.post(FLOWS + "/404/preview", null).status()).isEqualTo(404);
    }

    /** Contacts c0, c1, ...: the even ones are customers. */
    private static void saveContacts(FlowApi api, int count) {
        for (int i = 0; i < count; i++) {
            var contact = new Contact("c" + i);
            contact.setProperty("lifecyclestage", i % 2 == 0 ? "customer" : "lead", FlowApi.NOW);
            api.engine.engine().ports().contacts().create(contact);
        }
    }

    @Test
    void performanceCountsEnrolmentsPerBucketOfTheRange(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        String id = api.post(FLOWS, newFlow("Customers", false)).body().path("id").asText();
        Instant day = Instant.parse("2026-11-20T09:00:00Z");
        enrol(api, id, "a", day);
        enrol(api, id, "b", day.plus(Duration.ofHours(3)));
        enrol(api, id, "c", day.plus(Duration.ofDays(2)));
        enrol(api, "other-flow", "d", day);

        var response = api.get(FLOWS + "/performance/" + id + "?start=2026-11-20T00:00:00Z&end=2026-11-23T00:00:00Z"
                + "&bucketType=DAY");

        assertThat(response.status()).isEqualTo(200);
        var frequencies = new ArrayList<Long>();
        response.body().path("histogram").forEach(bucket -> frequencies.add(bucket.path("frequency").asLong()));
        assertThat(frequencies).containsExactly(2L, 0L, 1L);
        assertThat(response.body().path("histogram").get(0).path("bucket").asLong())
                .isEqualTo(Instant.parse("2026-11-20T00:00:00Z").toEpochMilli());
    }

    @Test
    void performanceRefusesAnUnknownBucketTypeOrAnEmptyRange(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        String id = api.post(FLOWS, newFlow("Customers", false)).body().path("id").asText();

        assertThat(api.get(FLOWS + "/performance/" + id + "?bucketType=HOUR").status()).isEqualTo(400);
        assertThat(api.get(FLOWS + "/performance/" + id + "?start=2000&end=1000").status()).isEqualTo(400);
        assertThat(api.get(FLOWS + "/performance/404").status()).isEqualTo(404);
    }

    private static void enrol(FlowApi api, String flowId, String contactId, Instant at) {
        api.engine.engine().ports().enrolments().create(Enrolment.start(flowId, contactId, 1, EnrolmentSource.TRIGGER, "1", at));
    }

    static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.path("results").forEach(result -> ids.add(result.path("id").asText()));
        return ids;
    }
}
