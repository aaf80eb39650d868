package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A filter on one contact property. */
public record PropertyFilter(String filterType, String property, PropertyOperation operation,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Filter {

    public PropertyFilter {
        extras = Extras.orEmpty(extras);
    }
}
