package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Every event, without a window. */
public record AllHistoryRefineBy(String type,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PruningRefineBy {

    public AllHistoryRefineBy {
        extras = Extras.orEmpty(extras);
    }
}
