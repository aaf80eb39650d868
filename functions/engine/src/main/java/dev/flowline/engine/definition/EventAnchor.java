package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** The centre of a date-centred flow: a contact date property or a static date. */
public record EventAnchor(String type, String contactProperty, Integer dayOfMonth, String month, Integer year,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public EventAnchor {
        extras = Extras.orEmpty(extras);
    }
}
