package dev.flowline.engine.criteria;

import java.util.Optional;

/** Looks up the lists that {@code IN_LIST} filters name. */
@FunctionalInterface
public interface ListDirectory {

    ListDirectory NONE = listId -> Optional.empty();

    Optional<ListDefinition> find(String listId);
}
