package dev.flowline.aws.http;

import com.sun.net.httpserver.HttpServer;
import dev.flowline.aws.AwsClients;
import dev.flowline.aws.messaging.Moto;
import dev.flowline.engine.simulation.VirtualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code AUTH_KEY} secrets from moto's Secrets Manager and Parameter Store, as a deployment configures them. */
class AwsSecretSourcesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Moto moto = Moto.fromEnvironment();

    AwsSecretSourcesTest() {
        moto.assumeAvailable();
    }

    @BeforeEach
    void reset() {
        moto.reset();
    }

    @Test
    void aSecretNameIsReadFromSecretsManagerUnderThePrefixAndAMissingOneIsNotConfigured() {
        try (var secretsManager = moto.clients().secretsManager()) {
            secretsManager.createSecret(create -> create.name("flowline/webhooks/crm-key").secretString("s3cr3t"));
        }
        SecretSource secrets = SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "secretsmanager"),
                moto.clients(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(secrets.secret("crm-key")).contains("s3cr3t");
        assertThat(secrets.secret("other-key")).isEmpty();
    }

    @Test
    void aSecretNameIsReadDecryptedFromParameterStoreUnderThePrefix() {
        try (var ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            ssm.putParameter(put -> put.name("/flowline/webhooks/crm-key").value("s3cr3t")
                    .type(ParameterType.SECURE_STRING));
        }
        SecretSource secrets = SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "ssm"), moto.clients(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(secrets.secret("crm-key")).contains("s3cr3t");
        assertThat(secrets.secret("other-key")).isEmpty();
    }

    @Test
    void aRotatedSecretIsSeenOnceItsTimeToLiveHasPassed() {
        var clock = new VirtualClock(NOW, ZoneOffset.UTC);
        try (var secretsManager = moto.clients().secretsManager()) {
            secretsManager.createSecret(create -> create.name("hooks/crm-key").secretString("first"));
            SecretSource secrets = SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "secretsmanager",
                    "FLOWLINE_SECRETS_PREFIX", "hooks/", "FLOWLINE_SECRETS_TTL_SECONDS", "60"), moto.clients(), clock);
            assertThat(secrets.secret("crm-key")).contains("first");

            secretsManager.putSecretValue(put -> put.secretId("hooks/crm-key").secretString("second"));
            clock.moveTo(NOW.plusSeconds(59));
            assertThat(secrets.secret("crm-key")).contains("first");
            clock.moveTo(NOW.plusSeconds(60));
            assertThat(secrets.secret("crm-key")).contains("second");
        }
    }

    @Test
    void parameterStoreFailuresOtherThanAMissingParameterAreThrownForTheRetry() throws IOException {
        HttpServer failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        failing.createContext("/", exchange -> {
            byte[] body = "{\"__type\":\"com.amazonaws.ssm#InternalServerError\",\"message\":\"try again\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        failing.start();
        try {
            var clients = AwsClients.emulatorAt(URI.create("http://127.0.0.1:" + failing.getAddress().getPort()));
            SecretSource secrets = SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "ssm"), clients,
                    Clock.fixed(NOW, ZoneOffset.UTC));

            assertThatThrownBy(() -> secrets.secret("crm-key")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Parameter Store refused GetParameter: 500 InternalServerError");
        } finally {
            failing.stop(0);
        }
    }
}
