package dev.flowline.engine.crm;

import java.util.Set;
import java.util.TreeSet;

/**
 * One direction of an association: {@code from} is associated with {@code to} by the association types
 * {@code typeIds} (HubSpot-defined ids of that direction, see {@link AssociationTypes}). Each association is kept in
 * both directions, each with its own type ids.
 */
public record Association(ObjectRef from, ObjectRef to, Set<Integer> typeIds) {

    public Association {
        typeIds = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(typeIds));
    }

    /** The other direction, with the inverse of each type. */
    public Association inverse() {
        return new Association(to, from, AssociationTypes.inverse(from.type(), to.type(), typeIds));
    }
}
