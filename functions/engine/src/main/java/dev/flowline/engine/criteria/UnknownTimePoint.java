package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A time point of a type the engine does not evaluate, kept whole. */
public record UnknownTimePoint(@JsonValue ObjectNode raw) implements TimePoint {

    /** The discriminator the engine did not recognise, or null when it is missing. */
    public String kind() {
        return raw.path("timeType").asText(null);
    }
}
