package dev.flowline.engine.crm;

import java.util.Set;

/**
 * An association asked for from a record's side: with {@code to}, by the HubSpot-defined {@code typeIds} of the
 * direction from that record (none: the unlabeled default type).
 */
public record AssociationInput(ObjectRef to, Set<Integer> typeIds) {

    public AssociationInput {
        typeIds = Set.copyOf(typeIds);
    }
}
