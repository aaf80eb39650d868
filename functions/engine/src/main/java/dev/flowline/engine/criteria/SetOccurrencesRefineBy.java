package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Set-based coalescing; kept in the definition, not evaluated (HubSpot supports only NUM_OCCURRENCES). */
public record SetOccurrencesRefineBy(String type, String setType,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements CoalescingRefineBy {

    public SetOccurrencesRefineBy {
        extras = Extras.orEmpty(extras);
    }
}
