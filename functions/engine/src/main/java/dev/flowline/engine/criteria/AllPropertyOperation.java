package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** {@code IS_KNOWN} / {@code IS_UNKNOWN} on any property. */
public record AllPropertyOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public AllPropertyOperation {
        extras = Extras.orEmpty(extras);
    }
}
