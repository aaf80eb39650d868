package dev.flowline.aws.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.flowline.aws.messaging.IdempotencyLedger;
import dev.flowline.engine.action.WebhookRequest;
import dev.flowline.engine.action.WebhookResponse;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class HttpWebhookCallerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);
    private static final JsonNode SIGNED = FlowlineJson.read("{\"type\":\"SIGNATURE\",\"appId\":4242}", JsonNode.class);

    private final List<Headers> received = new CopyOnWriteArrayList<>();
    private final Set<String> claimed = new HashSet<>();
    private final IdempotencyLedger ledger = new IdempotencyLedger() {
        @Override
        public boolean claim(String key) {
            return claimed.add(key);
        }

        @Override
        public void release(String key) {
            claimed.remove(key);
        }
    };
    private HttpServer server;
    private int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders());
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "120");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpWebhookCaller caller(Set<String> plainHttpHosts) {
        return new HttpWebhookCaller(ledger, new HttpWebhookCaller.Config("app-secret", plainHttpHosts), CLOCK);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook?a=1";
    }

    private WebhookRequest request(String key, String url) {
        return new WebhookRequest(key, "POST", url, Map.of("X-Flowline-Idempotency-Key", "delivery-1",
                "Content-Type", "application/json"), "{\"objectId\":\"51\"}", SIGNED);
    }

    @Test
    void aSignedWebhookCarriesTheV3SignatureOfMethodUriBodyAndTimestamp() {
        WebhookResponse response = caller(Set.of("127.0.0.1")).call(request("k1", url()));

        assertThat(response).isEqualTo(WebhookResponse.status(200));
        Headers headers = received.getFirst();
        String timestamp = headers.getFirst("X-HubSpot-Request-Timestamp");
        assertThat(timestamp).isEqualTo(String.valueOf(CLOCK.millis()));
        assertThat(headers.getFirst("X-HubSpot-Signature-v3")).isEqualTo(
                HttpWebhookCaller.signatureV3("app-secret", "POST", url(), "{\"objectId\":\"51\"}", timestamp));
        assertThat(headers.getFirst("X-Flowline-Idempotency-Key")).isEqualTo("delivery-1");
        assertThat(headers.getFirst("X-HubSpot-Signature-Version")).isEqualTo("v2");
    }

    @Test
    void theV3SignatureIsBase64HmacSha256() {
        assertThat(HttpWebhookCaller.signatureV3("secret", "POST", "https://example.com/hook", "{}", "1700000000000"))
                .isEqualTo("rRpSLcEM6XHmPKI8EZTxQsmhW0uVNFhheBsAZYeoHx8=");
    }

    @Test
    void anIdempotencyKeyAlreadyClaimedIsNotCalledAgain() {
        var caller = caller(Set.of("127.0.0.1"));
        caller.call(request("k1", url()));

        caller.call(request("k1", url()));

        assertThat(received).hasSize(1);
    }

    @Test
    void plainHttpIsRefusedToHostsNotAllowed() {
        WebhookResponse response = caller(Set.of()).call(request("k1", url()));

        assertThat(response.answered()).isFalse();
        assertThat(received).isEmpty();
        assertThat(claimed).isEmpty();
    }

    @Test
    void aTooManyRequestsAnswerPassesItsRetryAfterOn() {
        status = 429;

        assertThat(caller(Set.of("127.0.0.1")).call(request("k1", url())))
                .isEqualTo(WebhookResponse.status(429, "120"));
    }

    @Test
    void aCallWithoutAnswerGivesItsKeyBackForTheRetry() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        WebhookResponse response = caller(Set.of("127.0.0.1"))
                .call(request("k1", "http://127.0.0.1:" + closedPort + "/hook"));

        assertThat(response.answered()).isFalse();
        assertThat(claimed).isEmpty();
    }
}
