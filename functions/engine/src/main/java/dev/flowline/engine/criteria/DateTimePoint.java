package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A fixed date (and optional time) in a zone. */
public record DateTimePoint(String timeType, Integer year, Integer month, Integer day, Integer hour, Integer minute, Integer second, Integer millisecond, String zoneId, String timezoneSource,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements TimePoint {

    public DateTimePoint {
        extras = Extras.orEmpty(extras);
    }
}
