package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** An hour and minute of the day, in the flow's time zone. */
public record TimeOfDay(Integer hour, Integer minute,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public TimeOfDay {
        extras = Extras.orEmpty(extras);
    }
}
