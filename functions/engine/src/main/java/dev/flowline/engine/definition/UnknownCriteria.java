package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Enrolment criteria of a type the engine does not know, kept whole; the validator reports it. */
public record UnknownCriteria(@JsonValue ObjectNode raw) implements EnrollmentCriteria {

    @Override
    public String type() {
        return raw.path("type").asText(null);
    }

    @Override
    public Boolean shouldReEnroll() {
        return raw.path("shouldReEnroll").asBoolean(false);
    }
}
