package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Events before or after a time relative to now. */
public record RelativeComparativeRefineBy(String type, String comparison, RefineOffset timeOffset,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PruningRefineBy {

    public RelativeComparativeRefineBy {
        extras = Extras.orEmpty(extras);
    }
}
