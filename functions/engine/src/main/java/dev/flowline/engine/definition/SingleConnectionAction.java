package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/**
 * A built-in or app action identified by {@code actionTypeId}. Its {@code fields} are kept as HubSpot sent
 * them, so an action type the engine does not know still survives a round trip.
 */
public record SingleConnectionAction(String type, String actionId, String actionTypeId, Integer actionTypeVersion,
                                     Connection connection, ObjectNode fields,
                                     @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Action {

    public SingleConnectionAction {
        extras = Extras.orEmpty(extras);
    }

    @Override
    public List<Edge> edges() {
        return Action.single(connection);
    }
}
