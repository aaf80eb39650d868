package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** One value-equals branch: taken when the input value equals {@code branchValue}. */
public record StaticBranch(String branchValue, Connection connection,
                           @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public StaticBranch {
        extras = Extras.orEmpty(extras);
    }
}
