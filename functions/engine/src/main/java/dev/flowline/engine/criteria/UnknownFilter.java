package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A filter of a type the engine does not evaluate, kept whole; the validator rejects it and the evaluator refuses it. */
public record UnknownFilter(@JsonValue ObjectNode raw) implements Filter {

    /** The discriminator the engine did not recognise, or null when it is missing. */
    public String kind() {
        return raw.path("filterType").asText(null);
    }
}
