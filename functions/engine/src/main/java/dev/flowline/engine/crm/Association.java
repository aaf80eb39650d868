package dev.flowline.engine.crm;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One direction of an association: {@code from} is associated with {@code to} by the association types
 * {@code typeIds} (HubSpot-defined ids of that direction, see {@link AssociationTypes}). Each association is kept in
 * both directions, each with its own type ids.
 */
public record Association(ObjectRef from, ObjectRef to, Set<Integer> typeIds) {

    /**
     * The set of each single HubSpot-defined type id, shared by every association of that one type (nearly all of
     * them, and stores keep them all); other ids (labels an account defines) get sets of their own.
     */
    private static final Map<Integer, Set<Integer>> ONE_TYPE = AssociationTypes.definedIds().stream()
            .collect(Collectors.toUnmodifiableMap(id -> id, id -> sorted(Set.of(id))));

    public Association {
        typeIds = typeIds.size() == 1 && ONE_TYPE.containsKey(typeIds.iterator().next())
                ? ONE_TYPE.get(typeIds.iterator().next())
                : sorted(typeIds);
    }

    private static Set<Integer> sorted(Set<Integer> typeIds) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(typeIds));
    }

    /** The other direction, with the inverse of each type. */
    public Association inverse() {
        return new Association(to, from, AssociationTypes.inverse(from.type(), to.type(), typeIds));
    }
}
