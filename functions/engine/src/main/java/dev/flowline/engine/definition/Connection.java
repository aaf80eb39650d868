package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** An edge to the next action: {@code STANDARD}, or {@code GOTO} to an action on another branch. */
public record Connection(String edgeType, String nextActionId,
                         @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public static final String STANDARD = "STANDARD";
    public static final String GOTO = "GOTO";

    public Connection {
        extras = Extras.orEmpty(extras);
    }

    public static Connection to(String nextActionId) {
        return new Connection(STANDARD, nextActionId, null);
    }

    @JsonIgnore
    public boolean isGoto() {
        return GOTO.equals(edgeType);
    }
}
