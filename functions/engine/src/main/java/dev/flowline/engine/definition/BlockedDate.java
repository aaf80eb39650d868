package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A pause date: actions due on it move to the next available day. Without a year it recurs yearly. */
public record BlockedDate(Integer dayOfMonth, String month, Integer year,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public BlockedDate {
        extras = Extras.orEmpty(extras);
    }
}
