package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** A webhook query parameter; {@code value} is a member of HubSpot's value union. */
public record QueryParam(String name, JsonNode value,
                         @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public QueryParam {
        extras = Extras.orEmpty(extras);
    }
}
