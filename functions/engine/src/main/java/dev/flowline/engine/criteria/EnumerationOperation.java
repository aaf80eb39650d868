package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** A comparison of an enumeration (possibly multi-valued, {@code ;}-separated) against a set of options. */
public record EnumerationOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, List<String> values,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public EnumerationOperation {
        extras = Extras.orEmpty(extras);
    }
}
