package dev.flowline.engine.crm;

import dev.flowline.engine.Page;
import dev.flowline.engine.criteria.AssociatedRecords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live records associated with a contact, read from the CRM object store when first asked for and kept for the
 * life of this object (one evaluation, one step), so that several branches on the same object type read it once.
 * Only HubSpot's default ({@code HUBSPOT_DEFINED}) association types exist in Flowline: any other category has no
 * records, as has an object type Flowline does not keep.
 */
public final class ContactAssociations implements AssociatedRecords {

    private static final int PAGE = 100;

    private final CrmObjectStore store;
    /** Made when first needed: most steps make this object and never read associations. */
    private Map<String, List<Associated>> read;

    public ContactAssociations(CrmObjectStore store) {
        this.store = store;
    }

    /** An associated record with the association types from the contact's side. */
    private record Associated(CrmObject record, Set<Integer> typeIds) {
    }

    @Override
    public List<CrmObject> of(String contactId, String objectTypeId, Long associationTypeId,
                              String associationCategory) {
        Optional<CrmObjectType> type = CrmObjectType.named(objectTypeId).filter(t -> t != CrmObjectType.CONTACT);
        if (type.isEmpty() || associationCategory != null
                && !AssociationTypes.HUBSPOT_DEFINED.equals(associationCategory)) {
            return List.of();
        }
        if (read == null) {
            read = new HashMap<>();
        }
        return read.computeIfAbsent(contactId + "/" + type.get().id(), key -> associated(contactId, type.get()))
                .stream().filter(a -> associationTypeId == null || a.typeIds().contains(associationTypeId.intValue()))
                .map(Associated::record).toList();
    }

    private List<Associated> associated(String contactId, CrmObjectType type) {
        var associations = new ArrayList<Association>();
        String after = null;
        do {
            Page<Association> page = store.associations(ObjectRef.contact(contactId), type, after, PAGE);
            associations.addAll(page.items());
            after = page.next().orElse(null);
        } while (after != null);
        if (associations.isEmpty()) {
            return List.of();
        }
        Map<String, CrmObject> live = new HashMap<>();
        store.findAll(type, associations.stream().map(a -> a.to().id()).toList()).stream()
                .filter(record -> !record.archived()).forEach(record -> live.put(record.id(), record));
        return associations.stream().filter(a -> live.containsKey(a.to().id()))
                .map(a -> new Associated(live.get(a.to().id()), a.typeIds()))
                .sorted(Comparator.comparing(a -> a.record().id())).toList();
    }
}
