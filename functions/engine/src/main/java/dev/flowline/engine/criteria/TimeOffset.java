package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** An offset in calendar units, each possibly negative. */
public record TimeOffset(Integer days, Integer hours, Integer minutes, Integer seconds, Integer milliseconds, Integer weeks, Integer months, Integer quarters, Integer years,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public TimeOffset {
        extras = Extras.orEmpty(extras);
    }
}
