package dev.flowline.aws.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.idempotency.EffectInProgress;
import dev.flowline.engine.simulation.InMemoryLedger;
import dev.flowline.engine.action.WebhookCaller;
import dev.flowline.engine.action.WebhookRequest;
import dev.flowline.engine.idempotency.IdempotentEffects;
import dev.flowline.engine.action.WebhookResponse;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpWebhookCallerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);
    private static final JsonNode SIGNED = FlowlineJson.read("{\"type\":\"SIGNATURE\",\"appId\":4242}", JsonNode.class);

    private static final String API_KEY = "s3cr3t/key+value";
    private static final Account ACME = new Account("acme");

    private final List<Headers> received = new CopyOnWriteArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final Set<String> claimed = ledger.keys();
    private HttpServer server;
    private int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders());
            queries.add(exchange.getRequestURI().getRawQuery());
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "120");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/hook");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WebhookCaller caller(Set<String> plainHttpHosts) {
        return caller(plainHttpHosts, InetAddress::getAllByName, CLOCK);
    }

    /** The HTTP caller as the engine runs it: behind the idempotency ledger. */
    private WebhookCaller caller(Set<String> plainHttpHosts, TargetGuard.Resolver resolver, Clock clock) {
        return IdempotentEffects.webhooks(ledger, new HttpWebhookCaller(new WebhookCredentials(ACME,
                new EnvironmentSecrets(Map.of("FLOWLINE_SECRET_ACME__CRM_API_KEY", API_KEY)),
                () -> Optional.of("app-secret")), new HttpWebhookCaller.Config(plainHttpHosts), resolver,
                new PinnedConnection(PinnedConnection.defaultTls(), HttpWebhookCaller.CONNECT_TIMEOUT,
                        HttpWebhookCaller.RESPONSE_TIMEOUT), clock));
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook?a=1";
    }

    private WebhookRequest request(String key, String url) {
        return request(key, url, SIGNED);
    }

    private static WebhookRequest request(String key, String url, JsonNode authSettings) {
        return new WebhookRequest(key, "POST", url, Map.of("X-Flowline-Idempotency-Key", "delivery-1",
                "Content-Type", "application/json"), "{\"objectId\":\"51\"}", authSettings);
    }

    private static JsonNode authKey(String location, String secretName) {
        return FlowlineJson.read("{\"type\":\"AUTH_KEY\",\"location\":\"" + location
                + "\",\"name\":\"api_key\",\"secretName\":\"" + secretName + "\"}", JsonNode.class);
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
        assertThat(headers.getFirst("User-Agent")).isEqualTo("Flowline-Webhooks");
    }

    @Test
    void theV3SignatureIsBase64HmacSha256() {
        assertThat(HttpWebhookCaller.signatureV3("secret", "POST", "https://example.com/hook", "{}", "1700000000000"))
                .isEqualTo("rRpSLcEM6XHmPKI8EZTxQsmhW0uVNFhheBsAZYeoHx8=");
    }

    @Test
    void aRepeatedKeyGetsTheRecordedAnswerWithoutACall() {
        var caller = caller(Set.of("127.0.0.1"));
        status = 503;
        caller.call(request("k1", url()));
        status = 200;

        assertThat(caller.call(request("k1", url()))).isEqualTo(WebhookResponse.status(503));
        assertThat(received).hasSize(1);
    }

    @Test
    void aKeyClaimedBeforeAnswersWereRecordedIsTakenAsAnswered200WithoutACall() {
        ledger.claim("k1");
        ledger.complete("k1", "");

        assertThat(caller(Set.of("127.0.0.1")).call(request("k1", url()))).isEqualTo(WebhookResponse.status(200));
        assertThat(received).isEmpty();
    }

    @Test
    void aKeyAnotherRunIsCallingWithFailsWithoutACall() {
        ledger.claim("k1");

        assertThatThrownBy(() -> caller(Set.of("127.0.0.1")).call(request("k1", url())))
                .isInstanceOf(EffectInProgress.class);
        assertThat(received).isEmpty();
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
    void aCallWithoutAnswerIsRecordedAsUnansweredSoARedeliveryRetriesLaterInsteadOfCallingAgain() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var caller = caller(Set.of("127.0.0.1"));
        String unreachable = "http://127.0.0.1:" + closedPort + "/hook";

        WebhookResponse response = caller.call(request("k1", unreachable));

        assertThat(response.answered()).isFalse();
        assertThat(caller.call(request("k1", url()))).isEqualTo(response);
        assertThat(received).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "localhost", "[::1]", "10.1.2.3", "172.16.0.1",
            "172.31.255.255", "192.168.1.1", "[fd12:3456::1]", "169.254.169.254", "[fd00:ec2::254]", "[fe80::1]",
            "0.0.0.0", "[::]", "224.0.0.1", "[ff02::1]", "100.64.0.1", "100.127.255.254", "[::ffff:127.0.0.1]",
            "[::a9fe:a9fe]", "[64:ff9b::a00:1]"})
    void hostsAtNonPublicAddressesAreRefusedBeforeConnecting(String host) {
        WebhookResponse response = caller(Set.of()).call(request("k1", "https://" + host + ":"
                + server.getAddress().getPort() + "/hook", null));

        assertThat(response.refused()).isTrue();
        assertThat(response.connectionError()).contains("address");
        assertThat(claimed).isEmpty();
        assertThat(received).isEmpty();
    }

    @Test
    void everyAddressTheNameResolvesToIsChecked() {
        TargetGuard.Resolver dns = host -> new InetAddress[]{
                InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7")};

        WebhookResponse response = caller(Set.of(), dns, CLOCK)
                .call(request("k1", "https://hooks.example.invalid/hook", null));

        assertThat(response.refused()).isTrue();
        assertThat(response.connectionError()).isEqualTo("hooks.example.invalid resolves to 10.0.0.7, a private address");
        assertThat(claimed).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a name at an IETF protocol address (192.0.0.0/24)                | 192.0.0.8          | an IETF protocol
            a name at TEST-NET-1, routed inside some networks (192.0.2.0/24) | 192.0.2.1          | a documentation (TEST-NET-1)
            a name at the old 6to4 relay anycast (192.88.99.0/24)            | 192.88.99.1        | a 6to4 relay anycast
            a name at the benchmarking range of a lab network (198.18.0.0/15) | 198.19.0.1        | a benchmarking
            a name at TEST-NET-2 (198.51.100.0/24)                           | 198.51.100.1       | a documentation (TEST-NET-2)
            a name at TEST-NET-3 (203.0.113.0/24)                            | 203.0.113.1        | a documentation (TEST-NET-3)
            a name at the reserved class E (240.0.0.0/4)                     | 240.0.0.1          | a reserved
            a name at the limited broadcast address                          | 255.255.255.255    | a broadcast
            a 6to4 address wrapping a private IPv4 (2002::/16)               | 2002:a00:7::1      | a private IPv4 in a 6to4
            a 6to4 address wrapping the metadata service (2002::/16)         | 2002:a9fe:a9fe::   | a link-local (instance metadata) IPv4 in a 6to4
            a NAT64 address wrapping loopback (64:ff9b::/96)                 | 64:ff9b::7f00:1    | a loopback IPv4 in a NAT64
            a local-use NAT64 address (64:ff9b:1::/48)                       | 64:ff9b:1::a00:1   | a local-use NAT64
            a discard-only address (100::/64)                                | 100::1             | a discard-only
            a Teredo address (2001::/32)                                     | 2001:0:4136:e378:8000:63bf:3fff:fdd2 | a Teredo
            an IETF protocol address (2001::/23)                             | 2001:2::1          | an IETF protocol
            an IPv6 documentation address (2001:db8::/32)                    | 2001:db8::1        | a documentation
            an IPv6 documentation address (3fff::/20)                        | 3fff::1            | a documentation
            a segment routing address (5f00::/16)                            | 5f00::1            | a segment routing (SRv6)
            a site-local address (fec0::/10)                                 | fec0::1            | a site-local (deprecated)
            an address outside IPv6 global unicast                           | 4000::1            | a non-global (outside 2000::/3)
            """)
    void aNameResolvingToASpecialPurposeAddressIsRefusedBeforeConnecting(String attack, String address,
                                                                         String range) throws Exception {
        TargetGuard.Resolver dns = host -> new InetAddress[]{InetAddress.getByName(address)};

        WebhookResponse response = caller(Set.of(), dns, CLOCK)
                .call(request("k1", "https://hooks.example.invalid/hook", null));

        assertThat(response.refused()).isTrue();
        assertThat(response.connectionError()).isEqualTo("hooks.example.invalid resolves to "
                + InetAddress.getByName(address).getHostAddress() + ", " + range + " address");
        assertThat(claimed).isEmpty();
        assertThat(received).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "172.32.0.1", "100.128.0.1", "192.169.0.1", "8.8.8.8",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "[2001:4860:4860::8888]", "64:ff9b::808:808",
            "2002:5db8:d70e::1"})
    void publicAddressesAreNotForbidden(String address) throws Exception {
        assertThat(ForbiddenAddresses.rangeOf(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void localDevelopmentHostsMayBeCalledAtLoopbackAddresses() {
        WebhookResponse response = caller(Set.of("localhost")).call(request("k1",
                "http://localhost:" + server.getAddress().getPort() + "/hook", null));

        assertThat(response).isEqualTo(WebhookResponse.status(200));
        assertThat(received).hasSize(1);
    }

    @Test
    void redirectsAreNotFollowed() {
        WebhookResponse response = caller(Set.of("127.0.0.1")).call(request("k1",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/moved", null));

        assertThat(response.status()).isEqualTo(302);
        assertThat(received).isEmpty();
    }

    @Test
    void aDestinationGetsAtMostTwentyCallsASecondAndTheRestAreAnsweredAsTooManyRequests() {
        var clock = new MutableClock(CLOCK.instant());
        var caller = caller(Set.of("127.0.0.1", "localhost"), InetAddress::getAllByName, clock);
        int port = server.getAddress().getPort();
        for (int i = 0; i < HttpWebhookCaller.PER_HOST_PER_SECOND; i++) {
            assertThat(caller.call(request("k" + i, "http://127.0.0.1:" + port + "/hook", null)).status())
                    .isEqualTo(200);
        }

        WebhookResponse overTheLimit = caller.call(request("over", "http://127.0.0.1:" + port + "/hook", null));
        WebhookResponse otherHost = caller.call(request("other", "http://localhost:" + port + "/hook", null));
        clock.advance(Duration.ofMillis(50));
        WebhookResponse aTokenLater = caller.call(request("later", "http://127.0.0.1:" + port + "/hook", null));

        assertThat(overTheLimit).isEqualTo(WebhookResponse.status(429, "1"));
        assertThat(otherHost.status()).isEqualTo(200);
        assertThat(aTokenLater.status()).isEqualTo(200);
        assertThat(received).hasSize(HttpWebhookCaller.PER_HOST_PER_SECOND + 2);
        // a redelivered throttled step keeps its answer, and is retried as a new step like any 429
        assertThat(caller.call(request("over", "http://127.0.0.1:" + port + "/hook", null)))
                .isEqualTo(WebhookResponse.status(429, "1"));
        assertThat(received).hasSize(HttpWebhookCaller.PER_HOST_PER_SECOND + 2);
    }

    @Test
    void anAuthKeyInAHeaderCarriesTheNamedSecret() {
        caller(Set.of("127.0.0.1")).call(request("k1", url(), authKey("HEADER", "crm-api.key")));

        assertThat(received.getFirst().getFirst("api_key")).isEqualTo(API_KEY);
    }

    @Test
    void anAuthKeyInTheQueryIsAddedEncoded() {
        caller(Set.of("127.0.0.1")).call(request("k1", url(), authKey("QUERY_PARAM", "crm-api.key")));

        assertThat(queries.getFirst()).isEqualTo("a=1&api_key=" + URLEncoder.encode(API_KEY, StandardCharsets.UTF_8));
    }

    @Test
    void aWebhookWhoseSecretIsNotConfiguredIsNotCalled() {
        WebhookResponse response = caller(Set.of("127.0.0.1")).call(request("k1", url(), authKey("HEADER", "other")));

        assertThat(response.refused()).isTrue();
        assertThat(response.connectionError()).isEqualTo("the secret other is not configured");
        assertThat(received).isEmpty();
        assertThat(claimed).isEmpty();
    }

    @Test
    void anAuthKeySecretIsNeitherLoggedNorInTheErrorDescription() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger("dev.flowline.aws.http");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            var caller = caller(Set.of("127.0.0.1"));
            WebhookResponse failed = caller.call(request("k1", "http://127.0.0.1:" + closedPort + "/hook",
                    authKey("QUERY_PARAM", "crm-api.key")));
            caller.call(request("k2", url(), authKey("HEADER", "crm-api.key")));

            assertThat(failed.connectionError()).doesNotContain(API_KEY)
                    .doesNotContain(URLEncoder.encode(API_KEY, StandardCharsets.UTF_8));
            assertThat(logged).noneMatch(line -> line.contains(API_KEY));
        } finally {
            logger.removeHandler(capture);
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
