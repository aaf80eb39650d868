package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A time read from a property of the contact: its value, its last update, or its anniversary this year. */
public record PropertyReferencedTimePoint(String timeType, String property, String referenceType, String zoneId, String timezoneSource,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements TimePoint {

    public PropertyReferencedTimePoint {
        extras = Extras.orEmpty(extras);
    }
}
