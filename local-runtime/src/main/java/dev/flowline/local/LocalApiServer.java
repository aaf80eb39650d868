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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP API on a loopback port, as {@code sam local start-api} serves it: each request becomes an API Gateway
 * HTTP API (payload 2.0) event for the API handler, and its response goes back as HTTP. With the development
 * clock on, {@code /_flowline/clock} reads it and {@code POST /_flowline/clock/advance?seconds=N} moves it.
 */
final class LocalApiServer implements AutoCloseable {

    static final String CLOCK_PATH = "/_flowline/clock";

    private final HttpServer server;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;
    private final Clock clock;

    /** @param devClock the development clock, or null when it is off */
    LocalApiServer(int port, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api, Clock clock,
                   DevClock devClock) {
        this.api = api;
        this.clock = clock;
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

    private static void serveClock(HttpExchange exchange, DevClock devClock) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(CLOCK_PATH) && method.equals("GET")) {
                sendJson(exchange, 200, clockJson(devClock));
            } else if (path.equals(CLOCK_PATH + "/advance") && method.equals("POST")) {
                Map<String, String> query = queryParameters(exchange.getRequestURI().getRawQuery());
                long seconds;
                try {
                    seconds = Long.parseLong(query == null ? "" : query.getOrDefault("seconds", ""));
                } catch (NumberFormatException e) {
                    sendJson(exchange, 400, "{\"message\":\"seconds must be a whole number\"}");
                    return;
                }
                if (seconds < 0) {
                    sendJson(exchange, 400, "{\"message\":\"the clock only moves forward\"}");
                    return;
                }
                devClock.advance(Duration.ofSeconds(seconds));
                sendJson(exchange, 200, clockJson(devClock));
            } else {
                sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
            }
        }
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
