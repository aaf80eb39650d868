package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** Sends the enrolled contact to an HTTPS endpoint. */
public record WebhookAction(String type, String actionId, String method, String webhookUrl, List<QueryParam> queryParams,
                            JsonNode authSettings, Connection connection,
                            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Action {

    public WebhookAction {
        extras = Extras.orEmpty(extras);
    }

    @Override
    public List<Edge> edges() {
        return Action.single(connection);
    }
}
