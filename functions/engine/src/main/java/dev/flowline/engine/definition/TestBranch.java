package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** One arm of a random split, taken by {@code percentage} of the enrolments. */
public record TestBranch(Connection connection, Integer percentage,
                         @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public TestBranch {
        extras = Extras.orEmpty(extras);
    }
}
