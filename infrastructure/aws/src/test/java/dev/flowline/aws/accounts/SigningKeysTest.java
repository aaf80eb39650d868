package dev.flowline.aws.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.action.WebhookRequest;
import dev.flowline.engine.action.WebhookResponse;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each account's webhooks signed with its own key, as the deployed wiring signs them: the engines of
 * {@link AwsEngine}, the keys in the tokens table on DynamoDB Local, issued and rotated by {@link TokenCommand}.
 * The deployment's {@code FLOWLINE_WEBHOOK_SECRET} is {@code app-secret} ({@link EmbeddedAws}).
 */
@ExtendWith(EmbeddedAws.class)
class SigningKeysTest {

    private static final Account ACME = new Account("acme");
    private static final Account BETA = new Account("beta");
    private static final String FALLBACK = "app-secret";
    private static final JsonNode SIGNED = FlowlineJson.read("{\"type\":\"SIGNATURE\",\"appId\":4242}", JsonNode.class);
    private static final String BODY = "{\"objectId\":\"51\"}";

    private final List<Headers> received = new CopyOnWriteArrayList<>();
    private HttpServer endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
    }

    /** A signed webhook of the engine's account, through its webhook port; the headers it arrived with. */
    private Headers signedWebhook(AwsEngine engine) {
        WebhookResponse response = engine.engine().ports().webhooks().call(new WebhookRequest(
                "k-" + UUID.randomUUID(), "POST", url(), Map.of(), BODY, SIGNED));
        assertThat(response.status()).isEqualTo(200);
        return received.getLast();
    }

    /** Whether the headers carry the v3 signature of this test's webhook keyed with {@code key}. */
    private boolean signedWith(Headers headers, String key) {
        String timestamp = headers.getFirst("X-HubSpot-Request-Timestamp");
        return hmacSha256(key, "POST" + url() + BODY + timestamp).equals(headers.getFirst("X-HubSpot-Signature-v3"));
    }

    private static String hmacSha256(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> command(EmbeddedAws.Environment aws, String... args) {
        try (var dynamo = aws.clients().dynamoDb()) {
            return TokenCommand.run(new ApiTokens(dynamo, aws.config().tables(), Clock.systemUTC()),
                    new SigningKeys(dynamo, aws.config().tables(), Clock.systemUTC()), List.of(args));
        }
    }

    @Test
    void eachAccountsWebhooksAreSignedWithItsOwnKey(EmbeddedAws.Environment aws) {
        command(aws, "issue", "acme", "ci");
        command(aws, "issue", "beta", "ci");
        String acmeKey = command(aws, "signing-key", "acme").getFirst();
        String betaKey = command(aws, "signing-key", "beta").getFirst();
        AwsEngine acme = aws.engine().account(ACME).build();

        Headers fromAcme = signedWebhook(acme);
        Headers fromBeta = signedWebhook(acme.forAccount(BETA));

        assertThat(acmeKey).isNotEqualTo(betaKey).startsWith(SigningKeys.PREFIX);
        assertThat(signedWith(fromAcme, acmeKey)).isTrue();
        assertThat(signedWith(fromAcme, betaKey)).isFalse();
        assertThat(signedWith(fromAcme, FALLBACK)).isFalse();
        assertThat(signedWith(fromBeta, betaKey)).isTrue();
        assertThat(signedWith(fromBeta, acmeKey)).isFalse();
        assertThat(fromBeta.getFirst("X-HubSpot-Signature")).isNotEqualTo(fromAcme.getFirst("X-HubSpot-Signature"));
    }

    @Test
    void aRotatedSigningKeySignsTheNextWebhook(EmbeddedAws.Environment aws) {
        command(aws, "issue", "acme", "ci");
        String before = command(aws, "signing-key", "acme").getFirst();
        AwsEngine acme = aws.engine().account(ACME).build();
        assertThat(signedWith(signedWebhook(acme), before)).isTrue();

        String rotated = command(aws, "rotate-signing-key", "acme").getFirst();
        Headers next = signedWebhook(acme);

        assertThat(rotated).isNotEqualTo(before).startsWith(SigningKeys.PREFIX);
        assertThat(signedWith(next, rotated)).isTrue();
        assertThat(signedWith(next, before)).isFalse();
        assertThat(command(aws, "signing-key", "acme")).containsExactly(rotated);
    }

    @Test
    void anAccountWithoutAKeyOfItsOwnIsSignedWithTheDeploymentsFallback(EmbeddedAws.Environment aws) {
        command(aws, "issue", "acme", "ci");

        Headers fromBeta = signedWebhook(aws.engine().account(BETA).build());

        assertThat(signedWith(fromBeta, FALLBACK)).isTrue();
    }

    @Test
    void anAccountKeepsItsKeyAcrossTokensAndTheKeyIsNeitherATokenNorListedAsOne(EmbeddedAws.Environment aws) {
        command(aws, "issue", "acme", "ci");
        String key = command(aws, "signing-key", "acme").getFirst();
        command(aws, "issue", "acme", "deploy");
        command(aws, "revoke", "acme", "ci");

        assertThat(command(aws, "signing-key", "acme")).containsExactly(key);
        assertThat(command(aws, "list", "acme")).singleElement().asString().startsWith("deploy\t");
        try (var dynamo = aws.clients().dynamoDb()) {
            var tokens = new ApiTokens(dynamo, aws.config().tables(), Clock.systemUTC());
            assertThat(tokens.authenticate(key)).isEmpty();
            assertThat(tokens.authenticate(ACME.key(SigningKeys.ITEM))).isEmpty();
        }
    }
}
