package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** Which other flows a contact leaves when it enrols in this one: {@code ALL} or the {@code SELECTIVE} {@code flowIds}. */
public record UnEnrollmentSetting(String type, List<String> flowIds,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public UnEnrollmentSetting {
        extras = Extras.orEmpty(extras);
    }
}
