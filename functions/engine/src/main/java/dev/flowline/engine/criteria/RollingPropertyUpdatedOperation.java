package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Whether the property was updated in the last number of days. */
public record RollingPropertyUpdatedOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, Integer numberOfDays,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public RollingPropertyUpdatedOperation {
        extras = Extras.orEmpty(extras);
    }
}
