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

    static ApiRequest of(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http == null || http.getMethod() == null ? "GET" : http.getMethod().toUpperCase(Locale.ROOT);
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new ApiRequest(method, path, Map.of(),
                event.getQueryStringParameters() == null ? Map.of() : Map.copyOf(event.getQueryStringParameters()),
                Map.copyOf(headers), body, requestId != null ? requestId : UUID.randomUUID().toString());
    }
}
