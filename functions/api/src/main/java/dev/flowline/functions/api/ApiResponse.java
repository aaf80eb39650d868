package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.FlowlineJson;

/** An answer: a status and a JSON body (null for none, as for 204). */
public record ApiResponse(int status, String body) {

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    public static ApiResponse created(Object body) {
        return json(201, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, body instanceof String text ? text
                : body instanceof JsonNode node ? node.toString() : FlowlineJson.write(body));
    }
}
