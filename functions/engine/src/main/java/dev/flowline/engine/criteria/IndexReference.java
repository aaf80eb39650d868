package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** The anchor of an indexed time point: {@code NOW}, {@code TODAY}, {@code WEEK}, {@code MONTH}, {@code QUARTER}, {@code YEAR}, {@code FISCAL_QUARTER} or {@code FISCAL_YEAR}. */
public record IndexReference(String referenceType, Integer hour, Integer minute, Integer second, Integer millisecond, String dayOfWeek, Integer month, Integer day,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public IndexReference {
        extras = Extras.orEmpty(extras);
    }
}
