package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reads API Gateway's HTTP API event (payload 2.0) into an {@link ApiRequest}. */
final class ApiRequests {

    private ApiRequests() {
    }

    /** API Gateway's request id, or a new one when the event has none. */
    static String correlationId(APIGatewayV2HTTPEvent event) {
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        return requestId != null ? requestId : UUID.randomUUID().toString();
    }

    /** A body flagged as base64 that is not base64 is a 400. */
    static ApiRequest of(APIGatewayV2HTTPEvent event, String correlationId) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http == null || http.getMethod() == null ? "GET" : http.getMethod().toUpperCase(Locale.ROOT);
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("the body is marked as base64 but is not: " + e.getMessage());
            }
        }
        return new ApiRequest(method, path, Map.of(),
                event.getQueryStringParameters() == null ? Map.of() : Map.copyOf(event.getQueryStringParameters()),
                Map.copyOf(headers), body, correlationId);
    }
}
