package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** How many times the record must pass: at least {@code minOccurrences}, at most {@code maxOccurrences}. */
public record NumOccurrencesRefineBy(String type, Integer minOccurrences, Integer maxOccurrences,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements CoalescingRefineBy {

    public NumOccurrencesRefineBy {
        extras = Extras.orEmpty(extras);
    }
}
