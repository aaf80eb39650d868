package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Between two time points. */
public record TimeRangedOperation(String operationType, String type, String operator, Boolean includeObjectsWithNoValueSet, TimePoint lowerBoundTimePoint, TimePoint upperBoundTimePoint, String lowerBoundEndpointBehavior, String upperBoundEndpointBehavior, String propertyParser,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public TimeRangedOperation {
        extras = Extras.orEmpty(extras);
    }
}
