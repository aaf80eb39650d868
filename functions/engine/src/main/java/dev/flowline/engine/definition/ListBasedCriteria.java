package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** Filter-based triggers, evaluated like a dynamic list: enrols on the edge from not matching to matching. */
public record ListBasedCriteria(String type, FilterBranch listFilterBranch, List<FilterBranch> reEnrollmentTriggersFilterBranches, Boolean shouldReEnroll, Boolean unEnrollObjectsNotMeetingCriteria,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements EnrollmentCriteria {

    public ListBasedCriteria {
        extras = Extras.orEmpty(extras);
    }
}
