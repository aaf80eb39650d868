package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Less or more than a number of days ago or from now. */
public record RollingDateRangeOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, Integer numberOfDays, Boolean requiresTimeZoneConversion,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public RollingDateRangeOperation {
        extras = Extras.orEmpty(extras);
    }
}
