package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** Manual or API enrolment only. */
public record ManualCriteria(String type, Boolean shouldReEnroll,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements EnrollmentCriteria {

    public ManualCriteria {
        extras = Extras.orEmpty(extras);
    }
}
