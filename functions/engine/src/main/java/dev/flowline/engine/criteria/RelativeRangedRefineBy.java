package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Events between (or outside) two times relative to now. */
public record RelativeRangedRefineBy(String type, String rangeType, RefineOffset lowerBoundOffset, RefineOffset upperBoundOffset,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PruningRefineBy {

    public RelativeRangedRefineBy {
        extras = Extras.orEmpty(extras);
    }
}
