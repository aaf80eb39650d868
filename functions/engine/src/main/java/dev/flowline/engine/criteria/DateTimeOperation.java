package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Before or after an instant (epoch milliseconds). */
public record DateTimeOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, Long timestamp, Boolean requiresTimeZoneConversion,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public DateTimeOperation {
        extras = Extras.orEmpty(extras);
    }
}
