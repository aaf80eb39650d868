package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A comparison with another property of the same contact: {@code COMPARATIVE_DATE}, {@code COMPARATIVE_PROPERTY_UPDATED} or {@code COMPARATIVE_STRING}. */
public record ComparativeOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, String comparisonPropertyName, String defaultComparisonValue,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public ComparativeOperation {
        extras = Extras.orEmpty(extras);
    }
}
