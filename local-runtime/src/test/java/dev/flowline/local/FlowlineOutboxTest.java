package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.SampleFlows;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.email.EmailMessage;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.functions.api.ApiRequest;
import dev.flowline.functions.api.ApiResponse;
import dev.flowline.functions.api.Router;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.flowline.local.Eventually.await;
import static dev.flowline.local.FlowJson.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

class FlowlineOutboxTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);
    private static final Account DEV = new Account("dev");

    /** Leads get the welcome email at once. */
    private static final String WELCOME = """
            {"type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","name":"Welcome","isEnabled":true,
             "startActionId":"1","actions":[
              {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-4",
               "fields":{"content_id":"welcome"}}],
             "enrollmentCriteria":{"type":"LIST_BASED","shouldReEnroll":false,"unEnrollObjectsNotMeetingCriteria":false,
              "reEnrollmentTriggersFilterBranches":[],"listFilterBranch":%s},
             "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[],
             "canEnrollFromSalesforce":false}""".formatted(propertyIs("lifecyclestage", "lead"));

    @TempDir
    Path outbox;

    @Test
    void theOutboxListsEachWrittenEmailOldestFirst() throws IOException {
        var mailer = new OutboxMailer(outbox, "flows@example.com", CLOCK, () -> DEV);
        mailer.sendInternalEmail(new InternalEmail("nurture:ada:1#3", "nurture", "ada", List.of("ops@example.com"),
                "New lead", "A new lead"));
        mailer.sendMarketingEmail(new MarketingEmail("nurture:ada:1#2", "nurture", "ada", "ada@example.com",
                "welcome", new EmailMessage("Marketing email welcome", null, "Welcome")));
        // the marketing email was written first
        Files.setLastModifiedTime(outbox.resolve("dev").resolve(OutboxMailer.fileName("nurture:ada:1#2")),
                FileTime.from(Instant.parse("2026-11-23T10:00:00Z")));

        JsonNode results = outbox(new OutboxRoutes(outbox, request -> DEV)).path("results");

        assertThat(results).hasSize(2);
        JsonNode first = results.get(0);
        assertThat(first.path("from").asText()).isEqualTo("flows@example.com");
        assertThat(first.path("to").get(0).asText()).isEqualTo("ada@example.com");
        assertThat(first.path("subject").asText()).isEqualTo("Marketing email welcome");
        assertThat(first.path("idempotencyKey").asText()).isEqualTo("nurture:ada:1#2");
        assertThat(first.path("fileName").asText()).isEqualTo(OutboxMailer.fileName("nurture:ada:1#2"));
        assertThat(results.get(1).path("subject").asText()).isEqualTo("New lead");
        assertThat(results.get(1).path("to").get(0).asText()).isEqualTo("ops@example.com");
    }

    @Test
    void anOutboxNotWrittenYetIsEmpty() {
        assertThat(outbox(new OutboxRoutes(outbox.resolve("not-yet"), request -> DEV)).path("results")).isEmpty();
    }

    @Test
    void theRoutesListOnlyTheFolderOfTheRequestsAccount() {
        new OutboxMailer(outbox, "flows@example.com", CLOCK, () -> new Account("acme"))
                .sendMarketingEmail(new MarketingEmail("k1", "nurture", "ada", "ada@acme.example", "welcome",
                        new EmailMessage("Marketing email welcome", null, "Welcome")));

        assertThat(outbox(new OutboxRoutes(outbox, request -> DEV)).path("results")).isEmpty();
        assertThat(outbox(new OutboxRoutes(outbox, request -> new Account("acme"))).path("results")).hasSize(1);
    }

    @Test
    void theLocalRuntimeServesItsOutboxOnTheApi() throws Exception {
        try (var runtime = LocalRuntime.start(new LocalOptions(0, outbox, false, 0, 0, null, Map.of(), 1, 50))) {
            new OutboxMailer(runtime.outbox(), "flows@example.com", CLOCK, () -> DEV)
                    .sendMarketingEmail(new MarketingEmail("k1", "nurture", "ada", "ada@example.com", "welcome",
                            new EmailMessage("Marketing email welcome", null, "Welcome")));

            HttpResponse<String> response = get(runtime, OutboxRoutes.PATH, runtime.devToken());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode results = FlowlineJson.read(response.body(), JsonNode.class).path("results");
            assertThat(results.findValuesAsText("idempotencyKey")).containsExactly("k1");
        }
    }

    /**
     * The attack: account acme reads the development account's emails (recipients, subjects, content ids) through
     * {@code GET /flowline/v1/outbox}. Each account's flow really runs and really sends, through the same step
     * queue and the same outbox.
     */
    @Test
    void anAccountSeesOnlyItsOwnOutbox() throws Exception {
        try (var runtime = LocalRuntime.start(new LocalOptions(0, outbox, false, 0, 0, null, Map.of(), 1, 50))) {
            String devToken = runtime.devToken();
            String acmeToken = runtime.engine().apiTokens().issue(new Account("acme"), "test");
            SampleFlows.putEmailTemplates(runtime.engine(), "welcome");
            SampleFlows.putEmailTemplates(runtime.engine().forAccount(new Account("acme")), "welcome");
            for (String token : List.of(devToken, acmeToken)) {
                assertThat(post(runtime, "/automation/v4/flows", token, WELCOME).statusCode()).isEqualTo(201);
            }
            assertThat(post(runtime, "/crm/v3/objects/contacts", devToken,
                    "{\"properties\":{\"email\":\"ada@dev.example\",\"lifecyclestage\":\"lead\"}}").statusCode())
                    .isEqualTo(201);
            assertThat(post(runtime, "/crm/v3/objects/contacts", acmeToken,
                    "{\"properties\":{\"email\":\"bob@acme.example\",\"lifecyclestage\":\"lead\"}}").statusCode())
                    .isEqualTo(201);

            JsonNode devEmails = await("the development account's email is sent", () -> emails(runtime, devToken));
            JsonNode acmeEmails = await("acme's email is sent", () -> emails(runtime, acmeToken));

            assertThat(devEmails).singleElement().satisfies(email ->
                    assertThat(email.path("to").get(0).asText()).isEqualTo("ada@dev.example"));
            assertThat(acmeEmails).singleElement().satisfies(email ->
                    assertThat(email.path("to").get(0).asText()).isEqualTo("bob@acme.example"));
            assertThat(runtime.outboxOf(new Account("dev")).resolve(devEmails.get(0).path("fileName").asText()))
                    .exists();
            assertThat(runtime.outboxOf(new Account("acme")).resolve(acmeEmails.get(0).path("fileName").asText()))
                    .exists();
            assertThat(get(runtime, OutboxRoutes.PATH, null).statusCode()).as("without a token").isEqualTo(401);
        }
    }

    private static Optional<JsonNode> emails(LocalRuntime runtime, String token) {
        try {
            HttpResponse<String> response = get(runtime, OutboxRoutes.PATH, token);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode results = FlowlineJson.read(response.body(), JsonNode.class).path("results");
            return results.isEmpty() ? Optional.empty() : Optional.of(results);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(LocalRuntime runtime, String path, String token)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(LocalRuntime runtime, String path, String token, String json)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode outbox(OutboxRoutes routes) {
        var router = new Router();
        routes.register(router);
        ApiResponse response = router.dispatch(new ApiRequest("GET", OutboxRoutes.PATH, Map.of(), Map.of(), Map.of(),
                null, "test"));
        assertThat(response.status()).isEqualTo(200);
        return FlowlineJson.read(response.body(), JsonNode.class);
    }
}
