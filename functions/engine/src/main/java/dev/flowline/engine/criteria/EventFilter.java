package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** A custom behavioural event that happened (or not), with filters on its properties. */
public record EventFilter(String filterType, String eventId, String operator, List<PropertyFilter> filterLines, PruningRefineBy pruningRefineBy, CoalescingRefineBy coalescingRefineBy,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Filter {

    public EventFilter {
        extras = Extras.orEmpty(extras);
    }
}
