package dev.flowline.aws.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.action.WebhookCaller;
import dev.flowline.engine.action.WebhookRequest;
import dev.flowline.engine.action.WebhookResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Calls webhooks over HTTPS: 3 s to connect, 30 s for the answer (HubSpot's limits).
 * <p>
 * Safety: plain http is refused except to the local-development hosts ({@link Config#plainHttpHosts()}). Every
 * other host is resolved first and refused, before any connection, if any of its addresses is not on the public
 * internet ({@link ForbiddenAddresses}: loopback, private, link-local with the instance metadata service, and every
 * other special-purpose range). The call then connects to the address that was checked ({@link PinnedConnection}),
 * with TLS verified against the URL's host name, so a DNS answer that changes after the check (DNS rebinding) cannot
 * send it elsewhere. Redirects are not followed: a 3xx answer is the webhook's answer, so a public host cannot send
 * the call on to a private one. Each destination host gets at most {@link #PER_HOST_PER_SECOND} calls a second
 * (HubSpot's limit); a call over it is answered as a 429 with {@code Retry-After}, so the retry policy reschedules
 * it.
 * <p>
 * A caller serves one account ({@link WebhookCredentials}). A webhook whose {@code authSettings} is
 * {@code SIGNATURE} carries HubSpot's v3 signature and, for receivers that still check it, the v2 one, both keyed
 * with the account's current signing key, so a receiver can tell the accounts apart. One whose
 * {@code authSettings} is {@code AUTH_KEY} carries the secret its {@code secretName} names among the account's own
 * secrets, in a header or a query parameter; a name another account's webhook gives reaches only that account's
 * secrets. The secret is never logged and is blanked out of error descriptions.
 * <p>
 * The engine claims the request's idempotency key before the call and records the answer, or its absence, with
 * it (its idempotency ledger): a redelivered step gets the recorded answer back instead of calling again.
 */
public final class HttpWebhookCaller implements WebhookCaller {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    public static final int PER_HOST_PER_SECOND = 20;
    static final String SIGNATURE_V3 = "X-HubSpot-Signature-v3";
    static final String TIMESTAMP = "X-HubSpot-Request-Timestamp";
    static final String SIGNATURE = "X-HubSpot-Signature";
    static final String SIGNATURE_VERSION = "X-HubSpot-Signature-Version";

    private static final System.Logger LOG = System.getLogger(HttpWebhookCaller.class.getName());

    /** @param plainHttpHosts hosts that may be called over plain http and at local addresses (local development) */
    public record Config(Set<String> plainHttpHosts) {

        public Config {
            plainHttpHosts = Set.copyOf(plainHttpHosts);
        }
    }

    /** An {@code AUTH_KEY} secret and where it goes: a header or a query parameter of that name. */
    private record AuthKey(boolean inQuery, String name, String value) {
    }

    private final PinnedConnection connection;
    private final WebhookCredentials credentials;
    private final TargetGuard guard;
    private final DestinationRateLimiter limiter;
    private final Clock clock;

    public HttpWebhookCaller(WebhookCredentials credentials, Config config, Clock clock) {
        this(credentials, config, InetAddress::getAllByName,
                new PinnedConnection(PinnedConnection.defaultTls(), CONNECT_TIMEOUT, RESPONSE_TIMEOUT), clock);
    }

    HttpWebhookCaller(WebhookCredentials credentials, Config config, TargetGuard.Resolver resolver,
                      PinnedConnection connection, Clock clock) {
        this.connection = connection;
        this.credentials = credentials;
        this.guard = new TargetGuard(config.plainHttpHosts(), resolver);
        this.limiter = new DestinationRateLimiter(PER_HOST_PER_SECOND, clock);
        this.clock = clock;
    }

    @Override
    public WebhookResponse call(WebhookRequest request) {
        URI uri;
        InetSocketAddress checked;
        Optional<AuthKey> authKey;
        try {
            uri = URI.create(request.url());
            checked = guard.check(uri);
            authKey = authKey(request.authSettings());
        } catch (IllegalArgumentException | TargetGuard.Refused refused) {
            return WebhookResponse.refused(refused.getMessage());
        } catch (UnknownHostException unknown) {
            return WebhookResponse.noAnswer("not called: unknown host " + unknown.getMessage());
        }
        Duration wait = limiter.acquire(uri.getHost());
        if (!wait.isZero()) {
            return WebhookResponse.status(429, String.valueOf(wait.toSeconds() + 1));
        }
        return send(uri, checked, request, authKey);
    }

    private WebhookResponse send(URI uri, InetSocketAddress checked, WebhookRequest request,
                                 Optional<AuthKey> authKey) {
        byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        try {
            return connection.send(httpRequest(uri, request, authKey), body, checked);
        } catch (IOException noAnswer) {
            return WebhookResponse.noAnswer(blankedOut(noAnswer.toString(), authKey));
        }
    }

    private Optional<AuthKey> authKey(JsonNode authSettings) {
        if (authSettings == null || !"AUTH_KEY".equals(authSettings.path("type").asText())) {
            return Optional.empty();
        }
        String secretName = authSettings.path("secretName").asText();
        String value = credentials.secret(secretName).orElseThrow(
                () -> new IllegalArgumentException("the secret " + secretName + " is not configured"));
        return Optional.of(new AuthKey("QUERY_PARAM".equals(authSettings.path("location").asText()),
                authSettings.path("name").asText(), value));
    }

    private static URI withQueryKey(URI uri, Optional<AuthKey> authKey) {
        if (authKey.isEmpty() || !authKey.get().inQuery()) {
            return uri;
        }
        String url = uri.toString();
        return URI.create(url + (uri.getRawQuery() == null ? "?" : "&") + encode(authKey.get().name()) + "="
                + encode(authKey.get().value()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blankedOut(String message, Optional<AuthKey> authKey) {
        return authKey.map(key -> message.replace(key.value(), "***").replace(encode(key.value()), "***"))
                .orElse(message);
    }

    private HttpRequest httpRequest(URI uri, WebhookRequest request, Optional<AuthKey> authKey) {
        String body = request.body() == null ? "" : request.body();
        var builder = HttpRequest.newBuilder(withQueryKey(uri, authKey))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        authKey.filter(key -> !key.inQuery()).ifPresent(key -> builder.header(key.name(), key.value()));
        if (signed(request.authSettings())) {
            Optional<String> key = credentials.signingKey().current();
            if (key.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "webhook {0} of account {1} is sent unsigned: it has no signing "
                        + "key", request.idempotencyKey(), credentials.account());
            } else {
                String timestamp = String.valueOf(clock.millis());
                builder.header(SIGNATURE_V3, signatureV3(key.get(), request.method(), request.url(), body, timestamp))
                        .header(TIMESTAMP, timestamp)
                        .header(SIGNATURE, signatureV2(key.get(), request.method(), request.url(), body))
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
