package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** HubSpot's custom-code action: kept in the definition; Flowline does not run user code. */
public record CustomCodeAction(String type, String actionId, String runtime, String sourceCode, List<String> secretNames,
                               List<JsonNode> inputFields, List<JsonNode> outputFields, Connection connection,
                               @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Action {

    public CustomCodeAction {
        extras = Extras.orEmpty(extras);
    }

    @Override
    public List<Edge> edges() {
        return Action.single(connection);
    }
}
