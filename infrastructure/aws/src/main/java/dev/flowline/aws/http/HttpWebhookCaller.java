package dev.flowline.aws.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.messaging.IdempotencyLedger;
import dev.flowline.engine.action.WebhookCaller;
import dev.flowline.engine.action.WebhookRequest;
import dev.flowline.engine.action.WebhookResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Calls webhooks over HTTPS with {@link HttpClient}: 3 s to connect, 30 s for the answer (HubSpot's limits), no
 * redirects followed. Plain http is refused except to the hosts {@link Config#plainHttpHosts()} allows (local
 * development). A webhook whose {@code authSettings} is {@code SIGNATURE} carries HubSpot's v3 signature and,
 * for receivers that still check it, the v2 one, both keyed with the app secret.
 * <p>
 * The request's idempotency key is claimed before the call, so a redelivered step does not call again. Its
 * answer is not kept: a repeated key is reported as answered with 200. A call without an answer gives the key
 * back, so that a redelivery may try it.
 */
public final class HttpWebhookCaller implements WebhookCaller {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    static final String SIGNATURE_V3 = "X-HubSpot-Signature-v3";
    static final String TIMESTAMP = "X-HubSpot-Request-Timestamp";
    static final String SIGNATURE = "X-HubSpot-Signature";
    static final String SIGNATURE_VERSION = "X-HubSpot-Signature-Version";

    private static final System.Logger LOG = System.getLogger(HttpWebhookCaller.class.getName());

    /**
     * @param appSecret      the app's client secret that signs webhooks; null: signed webhooks go unsigned
     * @param plainHttpHosts hosts that may be called over plain http
     */
    public record Config(String appSecret, Set<String> plainHttpHosts) {

        public Config {
            plainHttpHosts = Set.copyOf(plainHttpHosts);
        }
    }

    private final HttpClient http;
    private final IdempotencyLedger ledger;
    private final Config config;
    private final Clock clock;

    public HttpWebhookCaller(IdempotencyLedger ledger, Config config, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public WebhookResponse call(WebhookRequest request) {
        URI uri;
        try {
            uri = allowed(URI.create(request.url()));
        } catch (IllegalArgumentException refused) {
            return WebhookResponse.noAnswer("not called: " + refused.getMessage());
        }
        if (!ledger.claim(request.idempotencyKey())) {
            return WebhookResponse.status(200);
        }
        try {
            HttpResponse<Void> response = http.send(httpRequest(uri, request), HttpResponse.BodyHandlers.discarding());
            return WebhookResponse.status(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException noAnswer) {
            ledger.release(request.idempotencyKey());
            return WebhookResponse.noAnswer(noAnswer.toString());
        } catch (InterruptedException interrupted) {
            ledger.release(request.idempotencyKey());
            Thread.currentThread().interrupt();
            return WebhookResponse.noAnswer("interrupted");
        }
    }

    private URI allowed(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URL has no host");
        }
        if (scheme.equals("https") || scheme.equals("http") && config.plainHttpHosts().contains(uri.getHost())) {
            return uri;
        }
        throw new IllegalArgumentException("webhooks are sent over HTTPS only, not " + scheme);
    }

    private HttpRequest httpRequest(URI uri, WebhookRequest request) {
        String body = request.body() == null ? "" : request.body();
        var builder = HttpRequest.newBuilder(uri)
                .timeout(RESPONSE_TIMEOUT)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        if (signed(request.authSettings())) {
            if (config.appSecret() == null) {
                LOG.log(System.Logger.Level.WARNING, "webhook {0} is sent unsigned: no app secret is configured",
                        request.idempotencyKey());
            } else {
                String timestamp = String.valueOf(clock.millis());
                builder.header(SIGNATURE_V3, signatureV3(config.appSecret(), request.method(), request.url(), body,
                                timestamp))
                        .header(TIMESTAMP, timestamp)
                        .header(SIGNATURE, signatureV2(config.appSecret(), request.method(), request.url(), body))
                        .header(SIGNATURE_VERSION, "v2");
            }
        }
        return builder.build();
    }

    private static boolean signed(JsonNode authSettings) {
        return authSettings != null && "SIGNATURE".equals(authSettings.path("type").asText());
    }

    /** Base64 of HMAC-SHA256, keyed with the secret, of method + URI + body + timestamp. */
    static String signatureV3(String secret, String method, String uri, String body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((method + uri + body + timestamp).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex of SHA-256 of secret + method + URI + body. */
    static String signatureV2(String secret, String method, String uri, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((secret + method + uri + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
