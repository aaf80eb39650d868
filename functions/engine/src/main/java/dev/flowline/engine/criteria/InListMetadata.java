package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** What an {@code IN_LIST} filter's list stands for: e.g. {@code WORKFLOWS_ACTIVE} with the flow's id. */
public record InListMetadata(String id, String inListType,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public InListMetadata {
        extras = Extras.orEmpty(extras);
    }
}
