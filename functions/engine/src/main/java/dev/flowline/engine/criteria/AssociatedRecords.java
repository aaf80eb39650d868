package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.PropertySource;

import java.util.List;

/**
 * The records associated with a contact that {@code ASSOCIATION} filter branches look at: the companies, deals or
 * tickets of one object type, by one association type. Read only when a branch asks, so that filters without
 * associations cost no reads.
 */
@FunctionalInterface
public interface AssociatedRecords {

    AssociatedRecords NONE = (contactId, objectTypeId, associationTypeId, associationCategory) -> List.of();

    /**
     * The live records of {@code objectTypeId} associated with the contact by {@code associationTypeId} (null: by any
     * type) of {@code associationCategory} (null: {@code HUBSPOT_DEFINED}); none for a type or category Flowline does
     * not keep.
     */
    List<? extends PropertySource> of(String contactId, String objectTypeId, Long associationTypeId,
                                      String associationCategory);
}
