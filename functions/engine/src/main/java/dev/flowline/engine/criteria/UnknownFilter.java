package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A filter of a type the engine does not evaluate, kept whole; the validator rejects it and the evaluator refuses it,
 * except an {@code ASSOCIATION} filter, which is accepted and does not match.
 */
public record UnknownFilter(@JsonValue ObjectNode raw) implements Filter {

    /** The discriminator the engine did not recognise, or null when it is missing. */
    public String kind() {
        return raw.path("filterType").asText(null);
    }

    /** An {@code ASSOCIATION} filter: membership of the contact's associated records in a list. */
    public boolean isAssociation() {
        return FilterBranch.ASSOCIATION.equals(kind());
    }
}
