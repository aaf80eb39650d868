package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A pruning refine-by of a type the engine does not evaluate, kept whole. */
public record UnknownPruningRefineBy(@JsonValue ObjectNode raw) implements PruningRefineBy {

    /** The discriminator the engine did not recognise, or null when it is missing. */
    public String kind() {
        return raw.path("type").asText(null);
    }
}
