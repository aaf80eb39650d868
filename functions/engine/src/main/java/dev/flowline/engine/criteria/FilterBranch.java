package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** A node of HubSpot's filter tree: {@code OR}, {@code AND}, {@code NOT_ALL}, {@code NOT_ANY}, {@code UNIFIED_EVENTS} (an event that happened, with filters on its properties), {@code ASSOCIATION} or {@code RESTRICTED}. */
public record FilterBranch(String filterBranchType, String filterBranchOperator, List<FilterBranch> filterBranches, List<Filter> filters, String eventTypeId, String operator, CoalescingRefineBy coalescingRefineBy, PruningRefineBy pruningRefineBy, String objectTypeId, Long associationTypeId, String associationCategory,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    /** Filters on the records associated with the contact (companies, deals…), of {@code objectTypeId}. */
    public static final String ASSOCIATION = "ASSOCIATION";

    public FilterBranch {
        extras = Extras.orEmpty(extras);
    }

    /** Whether this branch, or one nested in it, reads the contact's associated records. */
    public boolean readsAssociations() {
        return ASSOCIATION.equals(filterBranchType())
                || filterBranches() != null && filterBranches().stream().anyMatch(FilterBranch::readsAssociations);
    }
}
