package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A time relative to now, today or the start of a calendar unit, plus an offset. */
public record IndexedTimePoint(String timeType, String timezoneSource, String zoneId, IndexReference indexReference, TimeOffset offset,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements TimePoint {

    public IndexedTimePoint {
        extras = Extras.orEmpty(extras);
    }
}
