package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** An activity on a marketing email: sent, delivered, opened, clicked, replied, bounced… */
public record EmailEventFilter(String filterType, String appId, String emailId, String level, String clickUrl, String operator, PruningRefineBy pruningRefineBy, CoalescingRefineBy coalescingRefineBy,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Filter {

    public EmailEventFilter {
        extras = Extras.orEmpty(extras);
    }
}
