package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A form filled out (or not), optionally a given form on a given page. */
public record FormSubmissionFilter(String filterType, String formId, String pageId, String operator, PruningRefineBy pruningRefineBy, CoalescingRefineBy coalescingRefineBy,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Filter {

    public FormSubmissionFilter {
        extras = Extras.orEmpty(extras);
    }
}
