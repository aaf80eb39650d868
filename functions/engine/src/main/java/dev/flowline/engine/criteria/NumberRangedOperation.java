package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.math.BigDecimal;
import java.util.Map;

/** A number between two bounds, inclusive. */
public record NumberRangedOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, BigDecimal lowerBound, BigDecimal upperBound,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public NumberRangedOperation {
        extras = Extras.orEmpty(extras);
    }
}
