package dev.flowline.engine.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of a HubSpot object that the model has no component for, kept so they survive a round trip. */
public final class Extras {

    private Extras() {
    }

    public static Map<String, JsonNode> orEmpty(Map<String, JsonNode> extras) {
        return extras == null ? new LinkedHashMap<>() : extras;
    }
}
