package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Between two instants (epoch milliseconds), inclusive. */
public record RangedDateOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, Long lowerBound, Long upperBound, Boolean requiresTimeZoneConversion,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public RangedDateOperation {
        extras = Extras.orEmpty(extras);
    }
}
