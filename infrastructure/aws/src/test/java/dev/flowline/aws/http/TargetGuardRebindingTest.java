package dev.flowline.aws.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.WebhookRequest;
import dev.flowline.engine.action.WebhookResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DNS rebinding: a name that answers a public address when the guard checks it and a private one when the connection
 * is made. The call connects to the address that was checked, and over TLS the server there must still prove the
 * URL's host name.
 */
class TargetGuardRebindingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);
    private static final Duration SHORT = Duration.ofMillis(300);

    private static TestCertificate certificate;

    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();
    private HttpServer http;
    private HttpsServer https;

    @BeforeAll
    static void certificate(@TempDir Path directory) throws Exception {
        certificate = TestCertificate.forHosts(directory, "hooks.example.test", "localhost");
    }

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/hook", this::answer);
        http.start();
        https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(certificate.server()) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNames.add(new String(name.getEncoded(), StandardCharsets.US_ASCII));
                        return true;
                    }
                }));
                parameters.setSSLParameters(ssl);
            }
        });
        https.createContext("/hook", this::answer);
        https.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
        https.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private static HttpWebhookCaller caller(Set<String> plainHttpHosts, TargetGuard.Resolver dns,
                                            Duration connectTimeout, Duration answerTimeout) {
        return new HttpWebhookCaller(new WebhookCredentials(new Account("acme"), new EnvironmentSecrets(Map.of()),
                Optional::empty), new HttpWebhookCaller.Config(plainHttpHosts), dns,
                new PinnedConnection(certificate.client(), connectTimeout, answerTimeout), CLOCK);
    }

    private static HttpWebhookCaller caller(Set<String> plainHttpHosts, TargetGuard.Resolver dns) {
        return caller(plainHttpHosts, dns, HttpWebhookCaller.CONNECT_TIMEOUT, HttpWebhookCaller.RESPONSE_TIMEOUT);
    }

    /** Answers {@code first} to the first question and {@code then} to every later one, counting them. */
    private static TargetGuard.Resolver rebinding(AtomicInteger asked, String first, String then) {
        return host -> new InetAddress[]{InetAddress.getByName(asked.getAndIncrement() == 0 ? first : then)};
    }

    private static TargetGuard.Resolver loopback() {
        return host -> new InetAddress[]{InetAddress.getByName("127.0.0.1")};
    }

    private static WebhookRequest request(String url) {
        return new WebhookRequest("k1", "POST", url, Map.of("Content-Type", "application/json"), "{}", null);
    }

    @Test
    void aNameReboundToLoopbackAfterTheCheckIsCalledAtThePublicAddressThatWasCheckedNotAtLoopback() {
        var asked = new AtomicInteger();
        // localhost: the JVM's own resolver, too, would answer 127.0.0.1, where a server with localhost's certificate waits
        var caller = caller(Set.of(), rebinding(asked, "93.184.215.14", "127.0.0.1"), SHORT, SHORT);

        WebhookResponse response = caller.call(request("https://localhost:" + https.getAddress().getPort() + "/hook"));

        assertThat(response.answered()).as("the checked public address is out of the test's reach").isFalse();
        assertThat(hostHeaders).isEmpty();
        assertThat(asked).as("the name is resolved once, by the guard").hasValue(1);
    }

    @Test
    void theCallGoesToTheCheckedAddressWithTheUrlsHostInTheHostHeader() {
        // hooks.example.test is in no DNS: only the address the guard resolved leads to the server
        WebhookResponse response = caller(Set.of("hooks.example.test"), loopback())
                .call(request("http://hooks.example.test:" + http.getAddress().getPort() + "/hook?a=1"));

        assertThat(response).isEqualTo(WebhookResponse.status(200));
        assertThat(hostHeaders).containsExactly("hooks.example.test:" + http.getAddress().getPort());
    }

    @Test
    void overHttpsTheServerAtTheCheckedAddressProvesTheUrlsHostNameBySniAndCertificate() {
        WebhookResponse response = caller(Set.of("hooks.example.test"), loopback())
                .call(request("https://hooks.example.test:" + https.getAddress().getPort() + "/hook"));

        assertThat(response).isEqualTo(WebhookResponse.status(200));
        assertThat(serverNames).containsExactly("hooks.example.test");
        assertThat(hostHeaders).containsExactly("hooks.example.test:" + https.getAddress().getPort());
    }

    @Test
    void overHttpsACheckedAddressWhoseCertificateNamesAnotherHostGetsNoRequest() {
        WebhookResponse response = caller(Set.of("other.example.test"), loopback())
                .call(request("https://other.example.test:" + https.getAddress().getPort() + "/hook"));

        assertThat(response.answered()).isFalse();
        assertThat(response.connectionError()).contains("SSLHandshakeException");
        assertThat(hostHeaders).isEmpty();
    }

    @Test
    void anEndpointThatTakesTheConnectionButNeverAnswersIsNoAnswerOnceTheAnswerTimeoutIsOver() throws IOException {
        // the kernel completes the connection into the backlog; nothing ever reads or answers it
        try (var silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            var caller = caller(Set.of("hooks.example.test"), loopback(), HttpWebhookCaller.CONNECT_TIMEOUT, SHORT);

            WebhookResponse response = caller.call(request("http://hooks.example.test:" + silent.getLocalPort()
                    + "/hook"));

            assertThat(response.answered()).isFalse();
            assertThat(response.connectionError()).contains("SocketTimeoutException");
        }
    }
}
