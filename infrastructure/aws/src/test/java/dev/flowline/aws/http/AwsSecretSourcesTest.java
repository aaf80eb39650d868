package dev.flowline.aws.http;

import com.sun.net.httpserver.HttpServer;
import dev.flowline.aws.AwsClients;
import dev.flowline.aws.emulator.Moto;
import dev.flowline.engine.simulation.VirtualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
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
import java.util.concurrent.CopyOnWriteArrayList;

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

    /** The SDK's own client on moto, to set the secrets up. */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C onMoto(B builder) {
        return builder.endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private SecretsManagerClient secretsManager() {
        return onMoto(SecretsManagerClient.builder());
    }

    @Test
    void aSecretNameIsReadFromSecretsManagerUnderThePrefixAndAMissingOneIsNotConfigured() {
        try (var secretsManager = secretsManager()) {
            secretsManager.createSecret(create -> create.name("flowline/webhooks/crm-key").secretString("s3cr3t"));
        }
        SecretSource secrets = SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "secretsmanager"),
                moto.clients(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(secrets.secret("crm-key")).contains("s3cr3t");
        assertThat(secrets.secret("other-key")).isEmpty();
    }

    @Test
    void aSecretNameIsReadDecryptedFromParameterStoreUnderThePrefix() {
        try (var ssm = onMoto(SsmClient.builder())) {
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
        try (var secretsManager = secretsManager()) {
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
    void storeCallsAreSignedAndFailuresOtherThanAMissingSecretAreThrownForTheRetry() throws IOException {
        var authorizations = new CopyOnWriteArrayList<String>();
        HttpServer failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        failing.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"__type\":\"InternalFailure\",\"message\":\"try again\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        failing.start();
        try {
            var clients = AwsClients.emulatorAt(URI.create("http://127.0.0.1:" + failing.getAddress().getPort()));
            var clock = Clock.fixed(NOW, ZoneOffset.UTC);

            assertThatThrownBy(() -> SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "ssm"), clients, clock)
                    .secret("crm-key")).hasMessage("Parameter Store refused GetParameter: 500 InternalFailure");
            assertThatThrownBy(() -> SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "secretsmanager"),
                    clients, clock).secret("crm-key"))
                    .hasMessage("Secrets Manager refused GetSecretValue: 500 InternalFailure");
            assertThat(authorizations).hasSize(2).allSatisfy(authorization -> assertThat(authorization)
                    .startsWith("AWS4-HMAC-SHA256 Credential=test/").contains("host;").contains("x-amz-target"));
            assertThat(authorizations.get(0)).contains("/us-east-1/ssm/aws4_request");
            assertThat(authorizations.get(1)).contains("/us-east-1/secretsmanager/aws4_request");
        } finally {
            failing.stop(0);
        }
    }
}
