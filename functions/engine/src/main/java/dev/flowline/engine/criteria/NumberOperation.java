package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.math.BigDecimal;
import java.util.Map;

/** A number comparison. */
public record NumberOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, BigDecimal value,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public NumberOperation {
        extras = Extras.orEmpty(extras);
    }
}
