package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Enrolment from a dataset; kept in the definition, not evaluated by Flowline. */
public record DatasetCriteria(String type, Long datasetId, Long subviewId, Boolean shouldReEnroll,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements EnrollmentCriteria {

    public DatasetCriteria {
        extras = Extras.orEmpty(extras);
    }
}
