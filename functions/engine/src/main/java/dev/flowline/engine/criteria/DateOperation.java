package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Before, after or on a calendar day. */
public record DateOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, Integer year, Integer month, Integer day,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public DateOperation {
        extras = Extras.orEmpty(extras);
    }
}
