package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Events before or after an instant (epoch milliseconds). */
public record AbsoluteComparativeRefineBy(String type, String comparison, Long timestamp,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PruningRefineBy {

    public AbsoluteComparativeRefineBy {
        extras = Extras.orEmpty(extras);
    }
}
