package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** Event triggers: an event branch that happened, or a list-membership change, refined by the contact's current state. */
public record EventBasedCriteria(String type, List<FilterBranch> eventFilterBranches, List<FilterBranch> listMembershipFilterBranches, FilterBranch refinementCriteria, Boolean shouldReEnroll,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements EnrollmentCriteria {

    public EventBasedCriteria {
        extras = Extras.orEmpty(extras);
    }
}
