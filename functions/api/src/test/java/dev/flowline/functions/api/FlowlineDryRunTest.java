package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class FlowlineDryRunTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    /** Customers wait two days, then get the welcome email. Goal: none. */
    private static final String CUSTOMERS = flow("2001", SampleFlows.listBased(SampleFlows.CUSTOMER), null,
            delayDays("1", "2", 2), marketingEmail("2", null, "welcome")).toJson();

    private AwsEngine engine;
    private FlowlineApiClient api;

    @BeforeEach
    void start(EmbeddedAws.Environment aws) {
        engine = aws.engine().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        api = new FlowlineApiClient(engine);
    }

    @Test
    void aDryRunTellsWhereEveryContactEndedWithTheMetricsAndTheEmails() {
        var reply = api.post("/flowline/v1/flows/dry-run", """
                {"flow":%s,"days":10,
                 "contacts":[{"id":"a","properties":{"email":"a@example.com","lifecyclestage":"customer"}},
                              {"id":"b","properties":{"email":"b@example.com"}},
                              {"id":"c","properties":{"email":"c@example.com"}}],
                 "timeline":[{"afterSeconds":777600,"contactId":"b","properties":{"lifecyclestage":"customer"}}]}"""
                .formatted(CUSTOMERS));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.path("until").asText()).isEqualTo("2025-03-13T09:00:00Z");
        assertThat(contact(body, "a").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(contact(body, "b").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(contact(body, "b").path("currentActionId").asText()).isEqualTo("2");
        assertThat(contact(body, "b").path("dueAt").asText()).isEqualTo("2025-03-14T09:00:00Z");
        assertThat(contact(body, "c").path("status").asText()).isEqualTo("NOT_ENROLLED");
        assertThat(body.path("metrics").path("enrolled").asLong()).isEqualTo(2);
        assertThat(body.path("metrics").path("completed").asLong()).isEqualTo(1);
        assertThat(body.path("emails")).hasSize(1);
        assertThat(body.path("emails").get(0).path("contentId").asText()).isEqualTo("welcome");
        assertThat(body.path("emails").get(0).path("to").get(0).asText()).isEqualTo("a@example.com");
    }

    @Test
    void aDryRunStoresNothing() {
        api.post("/flowline/v1/flows/dry-run", """
                {"flow":%s,"contacts":[{"id":"a","properties":{"lifecyclestage":"customer"}}]}""".formatted(CUSTOMERS));

        assertThat(engine.engine().ports().flows().find("2001")).isEmpty();
        assertThat(engine.engine().ports().contacts().find("a")).isEmpty();
        assertThat(engine.engine().ports().history().ofContact("a")).isEmpty();
    }

    @Test
    void aStoredFlowRunsAsStoredWithEventsUnenrolmentsAndManualEnrolments() {
        engine.engine().ports().flows().save(flow("2002", SampleFlows.MANUAL, SampleFlows.FORM_SUBMITTED, delayDays("1", "2", 2),
                marketingEmail("2", null, "welcome")));

        var reply = api.post("/flowline/v1/flows/2002/dry-run", """
                {"until":"2025-03-10T09:00:00Z",
                 "contacts":[{"id":"a"},{"id":"b"},{"id":"c"}],
                 "timeline":[{"afterSeconds":0,"contactId":"a","enrol":true},
                             {"afterSeconds":60,"contactId":"b","enrol":true},
                             {"at":"2025-03-04T09:00:00Z","contactId":"b",
                              "event":{"eventTypeId":"4-1639801","properties":{"hs_form_id":"contact-us"}}}]}""");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.path("flowId").asText()).isEqualTo("2002");
        assertThat(contact(body, "a").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(contact(body, "b").path("status").asText()).isEqualTo("UNENROLLED");
        assertThat(contact(body, "b").path("unenrolmentReason").asText()).isEqualTo("GOAL_MET");
        assertThat(contact(body, "c").path("status").asText()).isEqualTo("NOT_ENROLLED");
        assertThat(body.path("metrics").path("unenrolledByReason").path("GOAL_MET").asLong()).isEqualTo(1);
    }

    @Test
    void anInvalidRequestIs400ListingEveryProblemWithItsPointer() {
        var reply = api.post("/flowline/v1/flows/dry-run", """
                {"flow":{"type":"PLATFORM_FLOW","objectTypeId":"0-1","actions":[]},"days":0,
                 "contacts":[{"id":"a"},{"id":"a"},{"properties":{}}],
                 "timeline":[{"contactId":"z","afterSeconds":5},{"contactId":"a"},
                             {"contactId":"a","at":"yesterday","properties":{"x":[1]}}]}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.body().path("errors").findValuesAsText("in")).contains("/flow/isEnabled", "/days",
                "/contacts/1/id", "/contacts/2/id", "/timeline/0/contactId", "/timeline/1", "/timeline/2/at",
                "/timeline/2/properties/x");
    }

    @Test
    void recordsAreCheckedAsAtACreateAndMayOnlyBeAssociatedWithTheRunsContacts() {
        var reply = api.post("/flowline/v1/flows/dry-run", """
                {"flow":%s,"contacts":[{"id":"a"}],
                 "records":[{"objectTypeId":"0-1","id":"1"},{"objectTypeId":"0-2"},
                   {"objectTypeId":"0-2","id":"3","properties":{"bad name":"x"},
                    "associations":[{"to":{"id":"z"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":280}]},
                                    {"to":{"id":"a"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":4}]}]},
                   {"objectTypeId":"0-2","id":"3"}]}""".formatted(CUSTOMERS));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").findValuesAsText("in")).containsExactlyInAnyOrder(
                "/records/0/objectTypeId", "/records/1/id", "/records/2/properties/bad name",
                "/records/2/associations/0", "/records/2/associations/1/types/0/associationTypeId", "/records/3/id");
    }

    @Test
    void aDryRunStartsWithItsRecordsAndAnswersThemAsTheRunLeftThem() {
        var reply = api.post("/flowline/v1/flows/dry-run", """
                {"flow":%s,"contacts":[{"id":"a","properties":{"lifecyclestage":"customer"}}],
                 "records":[{"objectTypeId":"companies","id":"9","properties":{"name":"Acme","employees":12},
                   "associations":[{"to":{"id":"a"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":2}]}]}]}"""
                .formatted(CUSTOMERS));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().path("records").toString())
                .isEqualTo("[{\"objectTypeId\":\"0-2\",\"id\":\"9\",\"properties\":{\"employees\":\"12\",\"name\":\"Acme\"}}]");
        assertThat(api.post("/flowline/v1/flows/dry-run", """
                {"flow":%s,"contacts":[]}""".formatted(CUSTOMERS)).body().has("records")).isFalse();
    }

    @Test
    void aFlowThatIsNotAFlowIs400PointingIntoIt() {
        var missing = api.post("/flowline/v1/flows/dry-run", "{\"contacts\":[]}");
        var wrongShape = api.post("/flowline/v1/flows/dry-run", "{\"flow\":{\"actions\":{\"a\":1}}}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").get(0).path("in").asText()).isEqualTo("/flow");
        assertThat(wrongShape.status()).isEqualTo(400);
        assertThat(wrongShape.body().path("errors").get(0).path("in").asText()).startsWith("/flow/actions");
    }

    @Test
    void aStoredFlowDryRunOfAnUnknownFlowIs404AndTakesNoFlowInTheBody() {
        engine.engine().ports().flows().save(flow("2003", SampleFlows.MANUAL, null, marketingEmail("1", null, "x")));

        var unknown = api.post("/flowline/v1/flows/999/dry-run", "{}");
        var both = api.post("/flowline/v1/flows/2003/dry-run", "{\"flow\":%s}".formatted(CUSTOMERS));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().path("errors").get(0).path("in").asText()).isEqualTo("/flow");
    }

    private static JsonNode contact(JsonNode body, String contactId) {
        for (JsonNode contact : body.path("contacts")) {
            if (contact.path("contactId").asText().equals(contactId)) {
                return contact;
            }
        }
        throw new AssertionError("no outcome for contact " + contactId + " in " + body);
    }
}
