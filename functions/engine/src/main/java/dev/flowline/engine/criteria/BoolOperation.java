package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A boolean comparison. */
public record BoolOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, Boolean value,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public BoolOperation {
        extras = Extras.orEmpty(extras);
    }
}
