package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Membership of a list, or a workflow status when {@code metadata.inListType} names one. */
public record InListFilter(String filterType, String listId, String operator, InListMetadata metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Filter {

    public InListFilter {
        extras = Extras.orEmpty(extras);
    }
}
