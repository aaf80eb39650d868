package dev.flowline.engine.crm;

import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.contact.PropertyName;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes CRM records and associations as HubSpot's API does, for the API and for actions alike: property names and
 * association types are checked, every record an association names must exist (contacts in the contact store, the
 * rest live in the object store), each association is kept both ways, and a labelled type brings the unlabeled one
 * with it. A refused write is a {@link CrmRejection} and leaves nothing written.
 */
public final class CrmObjects {

    /** The most associations one create takes: each is two items of one all-or-nothing write. */
    public static final int MAX_ASSOCIATIONS = 30;

    private final Clock clock;
    private final ContactStore contacts;
    private final CrmObjectStore store;

    public CrmObjects(Clock clock, ContactStore contacts, CrmObjectStore store) {
        this.clock = clock;
        this.contacts = contacts;
        this.store = store;
    }

    /**
     * Creates a record of {@code type} with its associations. A record that already has this id is the one a
     * previous run made (ids come from an idempotency key, or are random): it is returned as it is.
     */
    public CrmObject create(CrmObjectType type, String id, Map<String, String> properties,
                            List<AssociationInput> associations) {
        if (type == CrmObjectType.CONTACT) {
            throw new CrmRejection("contacts are created through the contacts API, not as CRM records");
        }
        checkNames(properties);
        if (associations.size() > MAX_ASSOCIATIONS) {
            throw new CrmRejection("a record can be created with at most " + MAX_ASSOCIATIONS + " associations");
        }
        ObjectRef self = new ObjectRef(type, id);
        var writes = new ArrayList<Association>();
        for (AssociationInput input : associations) {
            writes.addAll(bothWays(self, input.to(), input.typeIds()));
            requireContact(input.to());
        }
        CrmObject object = CrmObject.created(type, id, properties, clock.instant());
        return switch (store.create(object, writes)) {
            case CREATED -> object;
            case EXISTS -> store.find(type, id).orElseThrow();
            case TARGET_MISSING -> throw new CrmRejection("there is no " + String.join(", ", associations.stream()
                    .map(AssociationInput::to).filter(ref -> !ref.isContact() && !isLive(ref))
                    .map(CrmObjects::describe).toList()));
        };
    }

    /**
     * Sets property values of a live record other than a contact, names checked as at create; empty when there is
     * no live record of that id. Setting a value a record already has writes it again, unchanged.
     */
    public Optional<CrmObject> update(CrmObjectType type, String id, Map<String, String> properties) {
        if (type == CrmObjectType.CONTACT) {
            throw new CrmRejection("contacts are updated through the contacts API, not as CRM records");
        }
        checkNames(properties);
        return store.update(type, id, properties, clock.instant());
    }

    /** Associates two existing records by {@code typeIds} of the direction from {@code from} (none: unlabeled). */
    public Association associate(ObjectRef from, ObjectRef to, Set<Integer> typeIds) {
        List<Association> writes = bothWays(from, to, typeIds);
        requireContact(from);
        requireContact(to);
        if (!store.associate(writes)) {
            throw new CrmRejection("there is no " + String.join(", ", java.util.stream.Stream.of(from, to)
                    .filter(ref -> !ref.isContact() && !isLive(ref)).map(CrmObjects::describe).toList()));
        }
        return writes.getFirst();
    }

    /** A record id made from an idempotency key: the same key always names the same record. */
    public static String idFor(String idempotencyKey) {
        byte[] hash = SHA_256.get().digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 7; i++) {
            value = value << 8 | (hash[i] & 0xff);
        }
        // Numeric like HubSpot's ids, and above the random ids' range so the two never meet.
        return String.valueOf(1_000_000_000_000L + value % 9_000_000_000_000_000L);
    }

    /** A digest per thread, as looking one up costs more than hashing a key (digest() leaves it reset). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    /**
     * Both directions of the association, with the unlabeled type added to any labelled one; a {@link CrmRejection} for
     * a pair that cannot be associated or a type that does not lead from {@code from} to {@code to}.
     */
    public static List<Association> bothWays(ObjectRef from, ObjectRef to, Set<Integer> typeIds) {
        AssociationTypes.Type unlabeled = AssociationTypes.unlabeled(from.type(), to.type()).orElseThrow(() ->
                new CrmRejection(from.type().plural() + " cannot be associated with " + to.type().plural()));
        Set<Integer> ids = new HashSet<>(Set.of(unlabeled.id()));
        for (int id : typeIds) {
            if (AssociationTypes.of(from.type(), to.type(), id).isEmpty()) {
                throw new CrmRejection("there is no association type " + id + " from " + from.type().plural()
                        + " to " + to.type().plural());
            }
            ids.add(id);
        }
        var association = new Association(from, to, ids);
        return List.of(association, association.inverse());
    }

    private static void checkNames(Map<String, String> properties) {
        properties.keySet().forEach(name -> PropertyName.problem(name).ifPresent(problem -> {
            throw new CrmRejection("property " + name + ": " + problem);
        }));
    }

    private void requireContact(ObjectRef ref) {
        if (ref.isContact() && contacts.find(ref.id()).isEmpty()) {
            throw new CrmRejection("there is no contact " + ref.id());
        }
    }

    private boolean isLive(ObjectRef ref) {
        return store.find(ref.type(), ref.id()).filter(object -> !object.archived()).isPresent();
    }

    private static String describe(ObjectRef ref) {
        return ref.type().singular() + " " + ref.id();
    }
}
