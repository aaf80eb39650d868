package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A day of the week on which actions may run, optionally limited to a span of the day. */
public record TimeWindow(String day, TimeOfDay startTime, TimeOfDay endTime,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public TimeWindow {
        extras = Extras.orEmpty(extras);
    }
}
