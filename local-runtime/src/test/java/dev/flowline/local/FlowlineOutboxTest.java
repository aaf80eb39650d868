package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.MarketingEmail;
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

import static org.assertj.core.api.Assertions.assertThat;

class FlowlineOutboxTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path outbox;

    @Test
    void theOutboxListsEachWrittenEmailOldestFirst() throws IOException {
        var mailer = new OutboxMailer(outbox, "flows@example.com", email -> List.of(), CLOCK);
        mailer.sendInternalEmail(new InternalEmail("nurture:ada:1#3", "nurture", "ada", List.of("101"), List.of(),
                List.of(), "New lead", "A new lead"));
        mailer.sendMarketingEmail(new MarketingEmail("nurture:ada:1#2", "nurture", "ada", "ada@example.com",
                "welcome", Map.of()));
        // the marketing email was written first
        Files.setLastModifiedTime(outbox.resolve(OutboxMailer.fileName("nurture:ada:1#2")),
                FileTime.from(Instant.parse("2026-11-23T10:00:00Z")));

        JsonNode results = outbox(new OutboxRoutes(outbox)).path("results");

        assertThat(results).hasSize(2);
        JsonNode first = results.get(0);
        assertThat(first.path("from").asText()).isEqualTo("flows@example.com");
        assertThat(first.path("to").get(0).asText()).isEqualTo("ada@example.com");
        assertThat(first.path("subject").asText()).isEqualTo("Marketing email welcome");
        assertThat(first.path("idempotencyKey").asText()).isEqualTo("nurture:ada:1#2");
        assertThat(first.path("fileName").asText()).isEqualTo(OutboxMailer.fileName("nurture:ada:1#2"));
        assertThat(results.get(1).path("subject").asText()).isEqualTo("New lead");
        assertThat(results.get(1).path("to")).isEmpty();
    }

    @Test
    void anOutboxNotWrittenYetIsEmpty() {
        assertThat(outbox(new OutboxRoutes(outbox.resolve("not-yet"))).path("results")).isEmpty();
    }

    @Test
    void theLocalRuntimeServesItsOutboxOnTheApi() throws Exception {
        try (var runtime = LocalRuntime.start(new LocalOptions(0, outbox, false, 0, 0, null, Map.of(), 1, 50))) {
            new OutboxMailer(runtime.outbox(), "flows@example.com", email -> List.of(), CLOCK).sendMarketingEmail(
                    new MarketingEmail("k1", "nurture", "ada", "ada@example.com", "welcome", Map.of()));

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(runtime.apiUrl() + OutboxRoutes.PATH))
                            .header("Authorization", "Bearer " + runtime.devToken()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode results = FlowlineJson.read(response.body(), JsonNode.class).path("results");
            assertThat(results.findValuesAsText("idempotencyKey")).containsExactly("k1");
        }
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
