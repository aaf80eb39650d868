package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Always passes or always fails. */
public record ConstantFilter(String filterType, Boolean shouldAccept, String source,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Filter {

    public ConstantFilter {
        extras = Extras.orEmpty(extras);
    }
}
