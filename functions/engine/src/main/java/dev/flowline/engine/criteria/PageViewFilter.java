package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A page viewed (or not), matched by equality, substring or regular expression on its URL. */
public record PageViewFilter(String filterType, String pageUrl, String operator, Boolean enableTracking, PruningRefineBy pruningRefineBy, CoalescingRefineBy coalescingRefineBy,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Filter {

    public PageViewFilter {
        extras = Extras.orEmpty(extras);
    }
}
