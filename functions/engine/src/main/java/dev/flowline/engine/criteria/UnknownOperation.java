package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A property operation of a type the engine does not evaluate, kept whole; the validator rejects it. */
public record UnknownOperation(@JsonValue ObjectNode raw) implements PropertyOperation {

    /** The operation type the engine did not recognise, or null when it is missing. */
    public String kind() {
        String type = raw.path("operationType").asText(null);
        return type != null ? type : raw.path("type").asText(null);
    }

    @Override
    public String operator() {
        return raw.path("operator").asText(null);
    }

    @Override
    public Boolean includeObjectsWithNoValueSet() {
        return raw.path("includeObjectsWithNoValueSet").asBoolean(false);
    }
}
