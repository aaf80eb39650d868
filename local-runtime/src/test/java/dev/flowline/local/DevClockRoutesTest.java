package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development clock's routes under attack: every waiting enrolment of every account follows this clock, so a
 * web page the developer visits must not move it, nor anyone without the development token, nor a number that
 * would put the clock out of range.
 */
class DevClockRoutesTest {

    @RegisterExtension
    static final LocalRuntimeExtension local = new LocalRuntimeExtension();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWebPageCannotMoveTheDevClock() throws Exception {
        Duration before = offset();
        String token = local.runtime().devToken();

        // a page that somehow knows the token (FLOWLINE_DEV_TOKEN from a script) still cannot
        assertThat(advance("seconds=86400", token, Map.of("Origin", "https://evil.example")).statusCode())
                .isEqualTo(403);
        assertThat(advance("seconds=86400", token, Map.of("Origin", "null")).statusCode()).as("sandboxed page")
                .isEqualTo(403);
        assertThat(advance("seconds=86400", token, Map.of("Origin", "http://localhost:1")).statusCode())
                .as("another local port").isEqualTo(403);
        assertThat(advance("seconds=86400", token, Map.of("Sec-Fetch-Site", "cross-site")).statusCode())
                .as("a browser's own word").isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(clock("")).header("Authorization", "Bearer " + token)
                .header("Origin", "https://evil.example").GET()).statusCode()).as("reading it").isEqualTo(403);
        assertThat(offset()).isEqualTo(before);

        assertThat(advance("seconds=1", token, Map.of("Origin", "http://localhost:" + local.runtime().apiUrl().getPort()))
                .statusCode()).as("this server's own origin").isEqualTo(200);
        assertThat(offset()).isEqualTo(before.plusSeconds(1));
    }

    @Test
    void theDevClockNeedsTheDevToken() throws Exception {
        Duration before = offset();
        String otherAccounts = local.runtime().engine().apiTokens().issue(new Account("acme"), "test");

        HttpResponse<String> anonymous = advance("seconds=86400", null, Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(advance("seconds=86400", "pat-fl-guessed", Map.of()).statusCode()).isEqualTo(401);
        assertThat(advance("seconds=86400", otherAccounts, Map.of()).statusCode()).as("another account's token")
                .isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(clock("")).GET()).statusCode()).as("reading it").isEqualTo(401);
        assertThat(offset()).isEqualTo(before);

        HttpResponse<String> read = send(HttpRequest.newBuilder(clock(""))
                .header("Authorization", "Bearer " + local.runtime().devToken()).GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(FlowlineJson.read(read.body(), JsonNode.class).path("offsetSeconds").asLong())
                .isEqualTo(before.toSeconds());
    }

    @Test
    void anAbsurdAdvanceIsRefusedAndTheRuntimeKeepsRunning() throws Exception {
        Duration before = offset();
        String token = local.runtime().devToken();

        for (String query : List.of("seconds=9223372036854775807", "seconds=-9223372036854775808", "seconds=-1",
                "seconds=0", "seconds=" + (DevClock.MAX_ADVANCE.toSeconds() + 1), "seconds=1e3", "seconds=abc",
                "seconds=", "")) {
            HttpResponse<String> refused = advance(query, token, Map.of());
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(FlowlineJson.read(refused.body(), JsonNode.class).path("message").asText()).as(query)
                    .isNotBlank();
        }
        assertThat(offset()).isEqualTo(before);

        // the clock still reads, the API still answers, and the clock still moves
        HttpResponse<String> read = send(HttpRequest.newBuilder(clock(""))
                .header("Authorization", "Bearer " + token).GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(local.runtime().apiUrl().resolve("/automation/v4/flows"))
                .header("Authorization", "Bearer " + token).GET()).statusCode()).isEqualTo(200);
        assertThat(advance("seconds=" + DevClock.MAX_ADVANCE.toSeconds(), token, Map.of()).statusCode())
                .as("ten years, the longest move").isEqualTo(200);
        assertThat(offset()).isEqualTo(before.plus(DevClock.MAX_ADVANCE));
    }

    private static Duration offset() {
        return local.runtime().devClock().orElseThrow().offset();
    }

    private static URI clock(String pathAndQuery) {
        return URI.create(local.runtime().apiUrl() + LocalApiServer.CLOCK_PATH + pathAndQuery);
    }

    private HttpResponse<String> advance(String query, String token, Map<String, String> headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(clock("/advance" + (query.isEmpty() ? "" : "?" + query)))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
