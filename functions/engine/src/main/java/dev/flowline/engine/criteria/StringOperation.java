package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A single-string comparison, case-insensitive as in HubSpot. */
public record StringOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, String value,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public StringOperation {
        extras = Extras.orEmpty(extras);
    }
}
