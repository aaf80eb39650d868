package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.json.FlowlineJson;

import java.util.List;

/** An action whose {@code type} the engine does not know, kept whole; the validator reports it. */
public record UnknownAction(@JsonValue ObjectNode raw) implements Action {

    @Override
    public String actionId() {
        return raw.path("actionId").asText(null);
    }

    @Override
    public String type() {
        return raw.path("type").asText(null);
    }

    @Override
    public List<Edge> edges() {
        JsonNode connection = raw.get("connection");
        return connection instanceof ObjectNode
                ? Action.single(FlowlineJson.read(connection, Connection.class))
                : List.of();
    }
}
