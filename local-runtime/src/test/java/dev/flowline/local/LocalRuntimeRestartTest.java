package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.SampleFlows;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.flowline.local.Eventually.await;
import static dev.flowline.local.FlowJson.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local runtime stopped and started again on its data folder, as {@code ./flowline-local} is between two
 * working days: the flows, contacts, enrolments and tokens are still there, the development clock is where it was
 * left, and a contact waiting in a one-day delay gets its email when the clock passes the day.
 */
class LocalRuntimeRestartTest {

    /** README's tour: leads wait one day, then get the welcome email. */
    private static final String LEAD_NURTURE = """
            {"type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","name":"Lead nurture","isEnabled":true,
             "startActionId":"1","actions":[
              {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-1",
               "fields":{"delta":"1","time_unit":"DAYS"},"connection":{"edgeType":"STANDARD","nextActionId":"2"}},
              {"type":"SINGLE_CONNECTION","actionId":"2","actionTypeVersion":0,"actionTypeId":"0-4",
               "fields":{"content_id":"welcome"}}],
             "enrollmentCriteria":{"type":"LIST_BASED","shouldReEnroll":false,"unEnrollObjectsNotMeetingCriteria":false,
              "reEnrollmentTriggersFilterBranches":[],"listFilterBranch":%s},
             "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[],
             "canEnrollFromSalesforce":false}""".formatted(propertyIs("lifecyclestage", "lead"));

    @TempDir
    Path folder;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void flowsContactsAndEnrolmentsSurviveARestartAndTheWaitResumesOnTheDevClock() throws Exception {
        LocalOptions options = new LocalOptions(0, folder.resolve("outbox"), true, 0, 0, null, Map.of(), 1, 50)
                .withData(folder.resolve("data"));
        String token;
        String flowId;
        String ada;
        String bob;
        Instant waitingUntil;
        try (var runtime = LocalRuntime.start(options)) {
            token = runtime.devToken();
            SampleFlows.putEmailTemplates(runtime.engine(), "welcome");
            flowId = call(runtime, "POST", "/automation/v4/flows", token, LEAD_NURTURE, 201).path("id").asText();
            ada = call(runtime, "POST", "/crm/v3/objects/contacts", token,
                    "{\"properties\":{\"email\":\"ada@example.com\",\"lifecyclestage\":\"lead\"}}", 201)
                    .path("id").asText();
            bob = call(runtime, "POST", "/crm/v3/objects/contacts", token,
                    "{\"properties\":{\"email\":\"bob@example.com\",\"lifecyclestage\":\"customer\"}}", 201)
                    .path("id").asText();
            Instant createdBy = runtime.devClock().orElseThrow().instant();
            waitingUntil = await("ada waits one day", () -> enrolment(runtime, flowId, ada)
                    .filter(e -> e.dueAt() != null && e.dueAt().isAfter(createdBy.plus(Duration.ofHours(23)))))
                    .dueAt();
            call(runtime, "POST", LocalApiServer.CLOCK_PATH + "/advance?seconds=3600", token, null, 200);
            await("nothing left to do but the wait", () -> Optional.of(true).filter(idle -> runtime.queuesEmpty()));
        }

        try (var runtime = LocalRuntime.start(options)) {
            assertThat(runtime.resumedWaits()).as("waits given to the wake-ups again").isEqualTo(1);
            assertThat(runtime.devClock().orElseThrow().offset()).as("time did not go back")
                    .isGreaterThanOrEqualTo(Duration.ofHours(1));
            // the token of the first run still works: tokens are kept too
            assertThat(call(runtime, "GET", "/automation/v4/flows/" + flowId, token, null, 200).path("name").asText())
                    .isEqualTo("Lead nurture");
            assertThat(call(runtime, "GET", "/crm/v3/objects/contacts/" + ada, token, null, 200)
                    .path("properties").path("email").asText()).isEqualTo("ada@example.com");
            assertThat(call(runtime, "GET", "/crm/v3/objects/contacts/" + bob, token, null, 200)
                    .path("properties").path("email").asText()).isEqualTo("bob@example.com");
            assertThat(enrolment(runtime, flowId, ada)).get().satisfies(e -> {
                assertThat(e.status()).isEqualTo(EnrolmentStatus.ACTIVE);
                assertThat(e.dueAt()).isEqualTo(waitingUntil);
            });
            assertThat(call(runtime, "GET", OutboxRoutes.PATH, token, null, 200).path("results")).isEmpty();

            call(runtime, "POST", LocalApiServer.CLOCK_PATH + "/advance?seconds=" + Duration.ofDays(1).toSeconds(),
                    token, null, 200);

            await("the wait resumed and the flow completed", () -> enrolment(runtime, flowId, ada)
                    .filter(e -> e.status() == EnrolmentStatus.COMPLETED));
            JsonNode emails = call(runtime, "GET", OutboxRoutes.PATH, token, null, 200).path("results");
            assertThat(emails).singleElement().satisfies(email -> {
                assertThat(email.path("to").get(0).asText()).isEqualTo("ada@example.com");
                assertThat(email.path("subject").asText()).isEqualTo("Marketing email welcome");
            });
            assertThat(runtime.engine().engine().ports().enrolments().ofContact(flowId, bob)).isEmpty();
        }
    }

    private static Optional<Enrolment> enrolment(LocalRuntime runtime, String flowId, String contactId) {
        List<Enrolment> enrolments = runtime.engine().engine().ports().enrolments().ofContact(flowId, contactId);
        assertThat(enrolments).hasSizeLessThanOrEqualTo(1);
        return enrolments.stream().findFirst();
    }

    private JsonNode call(LocalRuntime runtime, String method, String path, String token, String json, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return FlowlineJson.read(response.body(), JsonNode.class);
    }
}
