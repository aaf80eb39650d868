package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.json.InvalidJsonException;

import java.util.Map;
import java.util.Optional;

/**
 * One API request, independent of API Gateway's event types: the path parameters of the matched route, the
 * query string, the headers (names in lower case) and the raw body.
 */
public record ApiRequest(String method, String path, Map<String, String> pathParameters, Map<String, String> query,
                         Map<String, String> headers, String body, String correlationId) {

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    /** The body as JSON; a missing or malformed body is a 400 naming where it went wrong. */
    public JsonNode json() {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("the request needs a JSON body");
        }
        try {
            return FlowlineJson.read(body, JsonNode.class);
        } catch (InvalidJsonException e) {
            throw ApiException.invalid("the body is not valid JSON: " + e.getMessage(),
                    java.util.List.of(new ApiError(e.pointer(), e.getMessage())));
        }
    }

    /** The body read into {@code type}; a body that does not fit is a 400 with the JSON Pointer of the problem. */
    public <T> T json(Class<T> type) {
        JsonNode json = json();
        if (json.isNull()) {
            throw ApiException.badRequest("the request needs a JSON body, not null");
        }
        try {
            return FlowlineJson.read(json, type);
        } catch (InvalidJsonException e) {
            throw ApiException.invalid("the body does not fit the expected shape",
                    java.util.List.of(new ApiError(e.pointer(), e.getMessage())));
        }
    }

    ApiRequest withPathParameters(Map<String, String> parameters) {
        return new ApiRequest(method, path, Map.copyOf(parameters), query, headers, body, correlationId);
    }
}
