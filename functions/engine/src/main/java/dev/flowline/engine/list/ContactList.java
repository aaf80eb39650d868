package dev.flowline.engine.list;

import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.criteria.ListDefinition;

import java.time.Instant;

/** A contact list as Lists v3 describes it; {@code filterBranch} is null for a MANUAL list. */
public record ContactList(String listId, String name, String processingType, FilterBranch filterBranch,
                          Instant createdAt, Instant updatedAt) {

    public ListDefinition definition() {
        return new ListDefinition(listId, processingType, filterBranch);
    }

    public boolean isDynamic() {
        return definition().isDynamic();
    }
}
