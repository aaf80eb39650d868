package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Events between (or outside) two instants (epoch milliseconds). */
public record AbsoluteRangedRefineBy(String type, String rangeType, Long lowerTimestamp, Long upperTimestamp,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PruningRefineBy {

    public AbsoluteRangedRefineBy {
        extras = Extras.orEmpty(extras);
    }
}
