package dev.flowline.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flowline.engine.json.FlowlineJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * The HTTP API on a loopback port, as {@code sam local start-api} serves it: each request becomes an API Gateway
 * HTTP API (payload 2.0) event for the API handler, and its response goes back as HTTP. With the development
 * clock on, {@code /_flowline/clock} reads it and {@code POST /_flowline/clock/advance?seconds=N} moves it.
 * <p>
 * The clock is everyone's: its routes take the development account's token only ({@code Authorization: Bearer}),
 * and refuse a request a web page makes (an {@code Origin} other than this server's, or a browser's
 * {@code Sec-Fetch-Site} saying it comes from another site), so that no page the developer visits can move it.
 * A move is 1 second to {@link DevClock#MAX_ADVANCE}; anything else is a 400 and the clock stays where it was.
 */
final class LocalApiServer implements AutoCloseable {

    static final String CLOCK_PATH = "/_flowline/clock";
    private static final String BEARER = "Bearer ";
    /** What a browser's {@code Sec-Fetch-Site} says of a request the page of another origin made. */
    private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");

    private final HttpServer server;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;
    private final Clock clock;
    private final Predicate<String> devToken;

    /**
     * @param devClock the development clock, or null when it is off
     * @param devToken whether a bearer token is the development account's: the clock's routes need one
     */
    LocalApiServer(int port, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api, Clock clock,
                   DevClock devClock, Predicate<String> devToken) {
        this.api = api;
        this.clock = clock;
        this.devToken = devToken;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the HTTP API cannot listen on port " + port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().name("api-", 0).daemon().factory()));
        server.createContext("/", this::serveApi);
        if (devClock != null) {
            server.createContext(CLOCK_PATH, exchange -> serveClock(exchange, devClock));
        }
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void serveApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            APIGatewayV2HTTPResponse response = api.handleRequest(event(exchange), null);
            byte[] body = response.getBody() == null ? new byte[0]
                    : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            if (response.getHeaders() != null) {
                response.getHeaders().forEach(exchange.getResponseHeaders()::set);
            }
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders().forEach(exchange.getResponseHeaders()::put);
            }
            send(exchange, response.getStatusCode(), body);
        } catch (RuntimeException e) {
            sendJson(exchange, 502, "{\"message\":\"Internal Server Error\"}");
            throw e;
        }
    }

    private APIGatewayV2HTTPEvent event(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        var headers = new LinkedHashMap<String, String>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        String requestId = UUID.randomUUID().toString();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(uri.getRawPath())
                .withRawQueryString(uri.getRawQuery() == null ? "" : uri.getRawQuery())
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(uri.getRawQuery()))
                .withBody(body.length == 0 ? null : new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(requestId)
                        .withApiId("local")
                        .withStage("$default")
                        .withRouteKey("$default")
                        .withDomainName(headers.getOrDefault("host", "localhost"))
                        .withTimeEpoch(clock.millis())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(exchange.getRequestMethod())
                                .withPath(uri.getRawPath())
                                .withProtocol(exchange.getProtocol())
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .withUserAgent(headers.get("user-agent"))
                                .build())
                        .build())
                .build();
    }

    /** Payload 2.0 joins repeated query parameters with commas. */
    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        var parameters = new LinkedHashMap<String, String>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private void serveClock(HttpExchange exchange, DevClock devClock) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            boolean read = path.equals(CLOCK_PATH) && method.equals("GET");
            boolean advance = path.equals(CLOCK_PATH + "/advance") && method.equals("POST");
            if (!read && !advance) {
                sendJson(exchange, 404, message("Not Found"));
                return;
            }
            if (fromAWebPage(exchange)) {
                sendJson(exchange, 403, message("the development clock does not take requests from web pages (an "
                        + "Origin other than this server's, or Sec-Fetch-Site of another site)"));
                return;
            }
            if (!devToken.test(bearerToken(exchange))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                sendJson(exchange, 401, message("the development clock needs the development account's token: send "
                        + "Authorization: Bearer <token>, the token ./flowline-local printed"));
                return;
            }
            if (read) {
                sendJson(exchange, 200, clockJson(devClock));
                return;
            }
            Map<String, String> query = queryParameters(exchange.getRequestURI().getRawQuery());
            String bounds = "seconds must be a whole number from 1 to " + DevClock.MAX_ADVANCE.toSeconds()
                    + " (ten years)";
            long seconds;
            try {
                seconds = Long.parseLong(query == null ? "" : query.getOrDefault("seconds", "").strip());
            } catch (NumberFormatException e) {
                sendJson(exchange, 400, message(bounds));
                return;
            }
            if (seconds < 1 || seconds > DevClock.MAX_ADVANCE.toSeconds()) {
                sendJson(exchange, 400, message(seconds < 0 ? "the clock only moves forward: " + bounds : bounds));
                return;
            }
            try {
                devClock.advance(Duration.ofSeconds(seconds));
            } catch (IllegalArgumentException refused) {
                sendJson(exchange, 400, message(refused.getMessage()));
                return;
            }
            sendJson(exchange, 200, clockJson(devClock));
        }
    }

    /**
     * True for a request a browser sent for a page of another origin: an {@code Origin} header that is not this
     * server's own ({@code null} included), or {@code Sec-Fetch-Site: cross-site | same-site}. curl and scripts
     * send neither.
     */
    private boolean fromAWebPage(HttpExchange exchange) {
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && FOREIGN_SITES.contains(site.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        List<String> origins = exchange.getRequestHeaders().get("Origin");
        if (origins == null) {
            return false;
        }
        Set<String> own = Set.of("http://localhost:" + port(), "http://127.0.0.1:" + port(), "http://[::1]:" + port());
        return origins.stream().anyMatch(origin -> !own.contains(origin.strip().toLowerCase(Locale.ROOT)));
    }

    private static String bearerToken(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "";
        }
        return authorization.substring(BEARER.length()).strip();
    }

    private static String message(String message) {
        return FlowlineJson.write(Map.of("message", message));
    }

    private static String clockJson(DevClock devClock) {
        var json = new HashMap<String, Object>();
        json.put("now", devClock.instant().toString());
        json.put("offsetSeconds", devClock.offset().toSeconds());
        return FlowlineJson.write(json);
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json;charset=utf-8"));
        send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(1);
        ((ExecutorService) server.getExecutor()).shutdown();
    }
}
