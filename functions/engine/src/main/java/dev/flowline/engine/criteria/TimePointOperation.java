package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Before or after a time point. */
public record TimePointOperation(String operationType, String type, String operator, Boolean includeObjectsWithNoValueSet, TimePoint timePoint, String endpointBehavior, String propertyParser,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public TimePointOperation {
        extras = Extras.orEmpty(extras);
    }
}
