package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** A comparison against any of several strings. */
public record MultiStringOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, List<String> values,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public MultiStringOperation {
        extras = Extras.orEmpty(extras);
    }
}
