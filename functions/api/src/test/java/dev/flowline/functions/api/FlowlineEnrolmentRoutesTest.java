package dev.flowline.functions.api;

import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class FlowlineEnrolmentRoutesTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    private static final String ENROL_51 = "{\"contactId\":\"51\"}";

    private final List<MarketingEmail> sent = new ArrayList<>();
    private AwsEngine engine;
    private FlowlineApiClient api;

    @BeforeEach
    void start(EmbeddedAws.Environment aws) {
        engine = aws.engine().clock(Clock.fixed(NOW, ZoneOffset.UTC)).mailer(new Mailer() {
            @Override
            public void sendMarketingEmail(MarketingEmail email) {
                sent.add(email);
            }

            @Override
            public void sendInternalEmail(InternalEmail email) {
            }
        }).build();
        api = new FlowlineApiClient(engine);
        SampleFlows.putEmailTemplates(engine, "welcome");
        engine.engine().ports().flows().save(flow("1001", SampleFlows.MANUAL, null, marketingEmail("1", "2", "welcome"),
                delayDays("2", null, 3)));
        engine.engine().ports().contacts().create(contact("51"));
    }

    @Test
    void aManualEnrolmentAnswers201WithTheEnrolment() {
        var reply = api.post("/flowline/v1/flows/1001/enrollments", ENROL_51);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().path("id").asText()).isEqualTo("1001:51:1");
        assertThat(reply.body().path("source").asText()).isEqualTo("MANUAL");
        assertThat(reply.body().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(reply.body().path("enrolledAt").asText()).isEqualTo(NOW.toString());
        assertThat(engine.engine().ports().enrolments().find("1001:51:1")).isPresent();
    }

    @Test
    void aFlowsEnrolmentsArePagedAndFilteredByStatus() {
        for (String id : List.of("52", "53", "54")) {
            engine.engine().ports().contacts().create(contact(id));
        }
        for (String id : List.of("51", "52", "53", "54")) {
            api.post("/flowline/v1/flows/1001/enrollments", "{\"contactId\":\"" + id + "\"}");
        }
        api.delete("/flowline/v1/flows/1001/enrollments/53");

        var first = api.get("/flowline/v1/flows/1001/enrollments?limit=3");
        var rest = api.get("/flowline/v1/flows/1001/enrollments?limit=3&after="
                + first.body().path("paging").path("next").path("after").asText());
        var active = api.get("/flowline/v1/flows/1001/enrollments?status=ACTIVE");

        var listed = new ArrayList<String>();
        first.body().path("results").forEach(e -> listed.add(e.path("contactId").asText()));
        rest.body().path("results").forEach(e -> listed.add(e.path("contactId").asText()));
        assertThat(first.body().path("results")).hasSize(3);
        assertThat(listed).containsExactlyInAnyOrder("51", "52", "53", "54");
        assertThat(rest.body().has("paging")).isFalse();
        assertThat(active.body().path("results")).extracting(e -> e.path("contactId").asText())
                .containsExactlyInAnyOrder("51", "52", "54");
        assertThat(api.get("/flowline/v1/flows/1001/enrollments?status=FINISHED").status()).isEqualTo(400);
        assertThat(api.get("/flowline/v1/flows/404/enrollments").status()).isEqualTo(404);
    }

    @Test
    void enrollingAnEnrolledContactIs409WithTheReason() {
        api.post("/flowline/v1/flows/1001/enrollments", ENROL_51);

        var reply = api.post("/flowline/v1/flows/1001/enrollments", ENROL_51);

        assertConflict(reply, "the contact is already enrolled in this workflow");
    }

    @Test
    void aTurnedOffFlowRefusesWith409() {
        engine.engine().ports().flows().save(Flow.parse(flow("1002", SampleFlows.MANUAL, null, marketingEmail("1", null, "x"))
                .toJson().replace("\"isEnabled\":true", "\"isEnabled\":false")));

        assertConflict(api.post("/flowline/v1/flows/1002/enrollments", ENROL_51), "the workflow is turned off");
    }

    @Test
    void reEnrollingAfterAnUnenrolmentIs409WhenReEnrolmentIsOff() {
        api.post("/flowline/v1/flows/1001/enrollments", ENROL_51);
        api.delete("/flowline/v1/flows/1001/enrollments/51");

        assertConflict(api.post("/flowline/v1/flows/1001/enrollments", ENROL_51), "re-enrolment is off");
    }

    @Test
    void aContactInASuppressionListIsRefusedWith409() {
        engine.engine().ports().flows().save(Flow.parse(flow("1003", SampleFlows.MANUAL, null, marketingEmail("1", null, "x"))
                .toJson().replace("\"suppressionListIds\":[]", "\"suppressionListIds\":[7]")));
        Contact contact = engine.engine().ports().contacts().find("51").orElseThrow();
        contact.addToList("7");
        engine.engine().ports().contacts().save(contact);

        assertConflict(api.post("/flowline/v1/flows/1003/enrollments", ENROL_51), "suppression list");
    }

    @Test
    void aContactThatAlreadyMeetsTheGoalIsRefusedWith409() {
        engine.engine().ports().flows().save(flow("1004", SampleFlows.MANUAL, SampleFlows.CUSTOMER, marketingEmail("1", null, "x")));
        Contact contact = engine.engine().ports().contacts().find("51").orElseThrow();
        contact.setProperty("lifecyclestage", "customer", NOW);
        engine.engine().ports().contacts().save(contact);

        assertConflict(api.post("/flowline/v1/flows/1004/enrollments", ENROL_51), "goal");
    }

    @Test
    void enrollingInAnUnknownFlowOrAnUnknownContactIs404() {
        var unknownFlow = api.post("/flowline/v1/flows/999/enrollments", ENROL_51);
        var unknownContact = api.post("/flowline/v1/flows/1001/enrollments", "{\"contactId\":\"nobody\"}");

        assertThat(unknownFlow.status()).isEqualTo(404);
        assertThat(unknownFlow.body().path("message").asText()).contains("999");
        assertThat(unknownContact.status()).isEqualTo(404);
        assertThat(unknownContact.body().path("message").asText()).contains("nobody");
    }

    @Test
    void anEnrolmentWithoutAContactIdIs400PointingAtIt() {
        var reply = api.post("/flowline/v1/flows/1001/enrollments", "{\"contact\":\"51\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").get(0).path("in").asText()).isEqualTo("/contactId");
        assertThat(engine.engine().ports().enrolments().ofContact("1001", "51")).isEmpty();
    }

    @Test
    void unenrollingEndsTheActiveEnrolmentByHand() {
        api.post("/flowline/v1/flows/1001/enrollments", ENROL_51);

        var reply = api.delete("/flowline/v1/flows/1001/enrollments/51");

        assertThat(reply.status()).isEqualTo(204);
        var enrolment = engine.engine().ports().enrolments().find("1001:51:1").orElseThrow();
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(enrolment.unenrolmentReason()).isEqualTo(UnenrolmentReason.MANUAL);
    }

    @Test
    void unenrollingWithoutAnActiveEnrolmentIs404() {
        api.post("/flowline/v1/flows/1001/enrollments", ENROL_51);
        api.delete("/flowline/v1/flows/1001/enrollments/51");

        assertThat(api.delete("/flowline/v1/flows/1001/enrollments/51").status()).isEqualTo(404);
        assertThat(api.delete("/flowline/v1/flows/1001/enrollments/52").status()).isEqualTo(404);
    }

    @Test
    void anEnrolmentIsFoundByItsIdWithColonsPlainOrEncoded() {
        api.post("/flowline/v1/flows/1001/enrollments", ENROL_51);

        var plain = api.get("/flowline/v1/enrollments/1001:51:1");
        var encoded = api.get("/flowline/v1/enrollments/1001%3A51%3A1");

        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.body().path("contactId").asText()).isEqualTo("51");
        assertThat(encoded.body()).isEqualTo(plain.body());
        assertThat(api.get("/flowline/v1/enrollments/1001:51:2").status()).isEqualTo(404);
    }

    @Test
    void theHistoryOfAnEnrolmentListsItsLinesInOrder() {
        api.post("/flowline/v1/flows/1001/enrollments", ENROL_51);
        api.delete("/flowline/v1/flows/1001/enrollments/51");

        var reply = api.get("/flowline/v1/enrollments/1001%3A51%3A1/history");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("results").findValuesAsText("kind")).containsExactly("ENROLLED", "UNENROLLED");
        assertThat(reply.body().path("results").get(1).path("detail").asText()).contains("by hand");
        assertThat(api.get("/flowline/v1/enrollments/1001:51:9/history").status()).isEqualTo(404);
    }

    @Test
    void theHistoryOfAContactSpansFlowsNewestLast() {
        engine.engine().ports().flows().save(flow("1005", SampleFlows.MANUAL, null, marketingEmail("1", null, "x")));
        api.post("/flowline/v1/flows/1001/enrollments", ENROL_51);
        api.post("/flowline/v1/flows/1005/enrollments", ENROL_51);
        api.post("/flowline/v1/flows/1005/enrollments", ENROL_51);

        var reply = api.get("/flowline/v1/contacts/51/history");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("results").findValuesAsText("flowId")).containsExactly("1001", "1005", "1005");
        assertThat(reply.body().path("results").findValuesAsText("kind"))
                .containsExactly("ENROLLED", "ENROLLED", "NOT_ENROLLED");
        assertThat(api.get("/flowline/v1/contacts/nobody/history").status()).isEqualTo(404);
    }

    @Test
    void metricsCountEnrolmentsUnenrolmentsByReasonAndActionOutcomes() {
        engine.engine().ports().contacts().create(contact("52"));
        var first = api.post("/flowline/v1/flows/1001/enrollments", ENROL_51);
        api.post("/flowline/v1/flows/1001/enrollments", "{\"contactId\":\"52\"}");
        engine.engine().steps().run(engine.engine().ports().enrolments().find(first.body().path("id").asText()).orElseThrow().nextStep());
        api.delete("/flowline/v1/flows/1001/enrollments/52");

        var reply = api.get("/flowline/v1/flows/1001/metrics");

        assertThat(reply.status()).isEqualTo(200);
        var metrics = reply.body();
        assertThat(metrics.path("enrolled").asLong()).isEqualTo(2);
        assertThat(metrics.path("active").asLong()).isEqualTo(1);
        assertThat(metrics.path("unenrolled").asLong()).isEqualTo(1);
        assertThat(metrics.path("unenrolledByReason").path("MANUAL").asLong()).isEqualTo(1);
        assertThat(metrics.path("actions").path("1").path("SUCCEEDED").asLong()).isEqualTo(1);
        assertThat(metrics.path("actions").path("1").path("FAILED").asLong()).isZero();
        assertThat(metrics.path("goalConversionRate").asDouble()).isZero();
        assertThat(sent).extracting(MarketingEmail::contentId).containsExactly("welcome");
    }

    @Test
    void metricsOfAnUnknownFlowAre404() {
        assertThat(api.get("/flowline/v1/flows/999/metrics").status()).isEqualTo(404);
    }

    @Test
    void theActiveEnrolmentsOfAFlowAreCountedByTheActionTheyAreAt() {
        for (String id : List.of("52", "53")) {
            engine.engine().ports().contacts().create(contact(id));
        }
        for (String id : List.of("51", "52", "53")) {
            api.post("/flowline/v1/flows/1001/enrollments", "{\"contactId\":\"" + id + "\"}");
        }
        api.delete("/flowline/v1/flows/1001/enrollments/53");

        var all = api.get("/flowline/v1/flows/1001/positions");
        var firstOne = api.get("/flowline/v1/flows/1001/positions?limit=1");
        var atTheDelay = api.get("/flowline/v1/flows/1001/positions?actionId=2");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().path("total").asInt()).isEqualTo(2);
        assertThat(all.body().path("byAction").toString()).isEqualTo("{\"1\":2}");
        assertThat(all.body().path("results").findValuesAsText("id")).containsExactly("1001:51:1", "1001:52:1");
        assertThat(firstOne.body().path("total").asInt()).isEqualTo(2);
        assertThat(firstOne.body().path("results").findValuesAsText("id")).containsExactly("1001:51:1");
        assertThat(atTheDelay.body().path("total").asInt()).isZero();
        assertThat(atTheDelay.body().path("results")).isEmpty();
        assertThat(atTheDelay.body().path("byAction").path("1").asInt()).isEqualTo(2);
        assertThat(api.get("/flowline/v1/flows/999/positions").status()).isEqualTo(404);
    }

    private static void assertConflict(FlowlineApiClient.Reply reply, String reason) {
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().path("category").asText()).isEqualTo("CONFLICT");
        assertThat(reply.body().path("message").asText()).contains(reason);
    }

    private static Contact contact(String id) {
        var contact = new Contact(id);
        contact.setProperty("email", id + "@example.com", NOW);
        return contact;
    }
}
