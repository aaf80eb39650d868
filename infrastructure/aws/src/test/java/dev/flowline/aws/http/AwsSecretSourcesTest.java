package dev.flowline.aws.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.flowline.aws.AwsClients;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.emulator.Moto;
import dev.flowline.engine.action.WebhookRequest;
import dev.flowline.engine.action.WebhookResponse;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code AUTH_KEY} secrets from moto's Secrets Manager and Parameter Store, as a deployment configures them. moto's
 * state is shared with other runs, so every test has accounts of its own instead of resetting it.
 */
class AwsSecretSourcesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Moto moto = Moto.fromEnvironment();
    private final Account acme = uniqueAccount("acme");
    private final Account beta = uniqueAccount("beta");

    AwsSecretSourcesTest() {
        moto.assumeAvailable();
    }

    private static Account uniqueAccount(String name) {
        return new Account(name + "-" + UUID.randomUUID().toString().substring(0, 8));
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
    void aSecretNameIsReadFromSecretsManagerUnderItsAccountAndAMissingOneIsNotConfigured() {
        try (var secretsManager = secretsManager()) {
            secretsManager.createSecret(create -> create.name("flowline/" + acme + "/webhooks/crm-key")
                    .secretString("s3cr3t"));
        }
        SecretSource secrets = SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "secretsmanager"),
                moto.clients(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(secrets.secret(new SecretName(acme, "crm-key"))).contains("s3cr3t");
        assertThat(secrets.secret(new SecretName(acme, "other-key"))).isEmpty();
    }

    @Test
    void aSecretNameIsReadDecryptedFromParameterStoreUnderItsAccount() {
        try (var ssm = onMoto(SsmClient.builder())) {
            ssm.putParameter(put -> put.name("/flowline/" + acme + "/webhooks/crm-key").value("s3cr3t")
                    .type(ParameterType.SECURE_STRING));
        }
        SecretSource secrets = SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "ssm"), moto.clients(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(secrets.secret(new SecretName(acme, "crm-key"))).contains("s3cr3t");
        assertThat(secrets.secret(new SecretName(acme, "other-key"))).isEmpty();
    }

    @Test
    void aRotatedSecretIsSeenOnceItsTimeToLiveHasPassed() {
        var clock = new VirtualClock(NOW, ZoneOffset.UTC);
        try (var secretsManager = secretsManager()) {
            String stored = "hooks/" + acme + "/webhooks/crm-key";
            secretsManager.createSecret(create -> create.name(stored).secretString("first"));
            SecretSource secrets = SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "secretsmanager",
                    "FLOWLINE_SECRETS_PREFIX", "hooks/", "FLOWLINE_SECRETS_TTL_SECONDS", "60"), moto.clients(), clock);
            var name = new SecretName(acme, "crm-key");
            assertThat(secrets.secret(name)).contains("first");

            secretsManager.putSecretValue(put -> put.secretId(stored).secretString("second"));
            clock.moveTo(NOW.plusSeconds(59));
            assertThat(secrets.secret(name)).contains("first");
            clock.moveTo(NOW.plusSeconds(60));
            assertThat(secrets.secret(name)).contains("second");
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

            var name = new SecretName(acme, "crm-key");
            assertThatThrownBy(() -> SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "ssm"), clients, clock)
                    .secret(name)).hasMessage("Parameter Store refused GetParameter: 500 InternalFailure");
            assertThatThrownBy(() -> SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", "secretsmanager"),
                    clients, clock).secret(name))
                    .hasMessage("Secrets Manager refused GetSecretValue: 500 InternalFailure");
            assertThat(authorizations).hasSize(2).allSatisfy(authorization -> assertThat(authorization)
                    .startsWith("AWS4-HMAC-SHA256 Credential=test/").contains("host;").contains("x-amz-target"));
            assertThat(authorizations.get(0)).contains("/us-east-1/ssm/aws4_request");
            assertThat(authorizations.get(1)).contains("/us-east-1/secretsmanager/aws4_request");
        } finally {
            failing.stop(0);
        }
    }

    /**
     * Account B's webhook names a secret only account A has, by its name and by every way of writing A's stored
     * name: none is sent, and A's value never reaches B's endpoint. B's secret of a name both have is B's own.
     */
    @ParameterizedTest
    @ValueSource(strings = {"secretsmanager", "ssm"})
    void accountBCannotMakeFlowlineSendAccountAsSecret(String store) throws IOException {
        storeSecret(store, acme, "crm-key", "acme-crm-value");
        storeSecret(store, acme, "billing", "acme-billing-value");
        storeSecret(store, beta, "billing", "beta-billing-value");
        SecretSource secrets = SecretSources.configured(Map.of("FLOWLINE_SECRETS_SOURCE", store), moto.clients(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        var sent = new CopyOnWriteArrayList<String>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/", exchange -> {
            sent.add(exchange.getRequestHeaders().getFirst("api_key") + " " + exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.start();
        try {
            String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
            var acmeCaller = caller(acme, secrets);
            var betaCaller = caller(beta, secrets);
            String acmeStored = (store.equals("ssm") ? "/flowline/" : "flowline/") + acme + "/webhooks/crm-key";

            assertThat(acmeCaller.call(authKeyRequest(url, "crm-key")).status()).isEqualTo(204);
            WebhookResponse sameName = betaCaller.call(authKeyRequest(url, "crm-key"));
            assertThat(sameName.refused()).isTrue();
            assertThat(sameName.connectionError()).isEqualTo("the secret crm-key is not configured");
            for (String path : List.of(acme + "/webhooks/crm-key", "../" + acme + "/webhooks/crm-key",
                    "../../" + acme + "/webhooks/crm-key", acmeStored,
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + acmeStored)) {
                WebhookResponse response = betaCaller.call(authKeyRequest(url, path));
                assertThat(response.refused()).as(path).isTrue();
                assertThat(response.connectionError()).as(path).startsWith("a secret name is");
            }
            assertThat(betaCaller.call(authKeyRequest(url, "billing")).status()).isEqualTo(204);

            assertThat(sent).containsExactly("acme-crm-value null", "beta-billing-value null");
        } finally {
            endpoint.stop(0);
        }
    }

    private void storeSecret(String store, Account account, String name, String value) {
        String stored = new SecretName(account, name).under(store.equals("ssm") ? "/flowline/" : "flowline/");
        if (store.equals("ssm")) {
            try (var ssm = onMoto(SsmClient.builder())) {
                ssm.putParameter(put -> put.name(stored).value(value).type(ParameterType.SECURE_STRING));
            }
        } else {
            try (var secretsManager = secretsManager()) {
                secretsManager.createSecret(create -> create.name(stored).secretString(value));
            }
        }
    }

    private static HttpWebhookCaller caller(Account account, SecretSource secrets) {
        return new HttpWebhookCaller(new WebhookCredentials(account, secrets, Optional::empty),
                new HttpWebhookCaller.Config(Set.of("127.0.0.1")), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static WebhookRequest authKeyRequest(String url, String secretName) {
        JsonNode authKey = FlowlineJson.mapper().createObjectNode().put("type", "AUTH_KEY").put("location", "HEADER")
                .put("name", "api_key").put("secretName", secretName);
        return new WebhookRequest("k-" + UUID.randomUUID(), "POST", url, Map.of(), "{}", authKey);
    }
}
