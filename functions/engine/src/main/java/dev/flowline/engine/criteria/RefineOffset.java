package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** An amount of time units into the {@code PAST} or the {@code FUTURE}. */
public record RefineOffset(Integer amount, String offsetDirection, String timeUnit,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public RefineOffset {
        extras = Extras.orEmpty(extras);
    }
}
