package dev.flowline.engine.simulation;

import dev.flowline.engine.Page;
import dev.flowline.engine.crm.Association;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.ObjectRef;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** CRM records and their associations held in memory, each association in both directions. */
public final class InMemoryCrmObjectStore implements CrmObjectStore {

    private final Map<ObjectRef, CrmObject> objects = new HashMap<>();
    /** Each record's associations, by the associated record. */
    private final Map<ObjectRef, Map<ObjectRef, Association>> associations = new HashMap<>();

    @Override
    public synchronized Created create(CrmObject object, List<Association> writes) {
        if (objects.containsKey(object.ref())) {
            return Created.EXISTS;
        }
        if (!targetsLive(writes, object.ref())) {
            return Created.TARGET_MISSING;
        }
        objects.put(object.ref(), object);
        writes.forEach(this::add);
        return Created.CREATED;
    }

    @Override
    public synchronized Optional<CrmObject> find(CrmObjectType type, String id) {
        return Optional.ofNullable(objects.get(new ObjectRef(type, id)));
    }

    @Override
    public synchronized List<CrmObject> findAll(CrmObjectType type, Collection<String> ids) {
        return ids.stream().distinct().map(id -> objects.get(new ObjectRef(type, id))).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized Optional<CrmObject> update(CrmObjectType type, String id, Map<String, String> properties,
                                                  Instant at) {
        return live(new ObjectRef(type, id)).map(object -> {
            var values = new HashMap<>(object.properties());
            values.putAll(properties);
            var updated = new CrmObject(type, id, values, object.createdAt(), at, false);
            objects.put(updated.ref(), updated);
            return updated;
        });
    }

    @Override
    public synchronized boolean archive(CrmObjectType type, String id, Instant at) {
        Optional<CrmObject> object = live(new ObjectRef(type, id));
        object.ifPresent(o -> {
            objects.put(o.ref(), new CrmObject(type, id, o.properties(), o.createdAt(), at, true));
            removeAllAssociations(o.ref());
        });
        return object.isPresent();
    }

    @Override
    public synchronized Page<CrmObject> page(CrmObjectType type, String after, int limit) {
        return Pages.after(objects.values().stream().filter(o -> o.type() == type && !o.archived()), CrmObject::id,
                after, limit);
    }

    @Override
    public synchronized boolean associate(List<Association> writes) {
        if (!targetsLive(writes, null)) {
            return false;
        }
        writes.forEach(this::add);
        return true;
    }

    @Override
    public synchronized Page<Association> associations(ObjectRef from, CrmObjectType toType, String after,
                                                       int limit) {
        return Pages.after(associations.getOrDefault(from, Map.of()).values().stream()
                .filter(a -> a.to().type() == toType), a -> a.to().id(), after, limit);
    }

    @Override
    public synchronized void removeAssociation(ObjectRef from, ObjectRef to) {
        associations.getOrDefault(from, new HashMap<>()).remove(to);
        associations.getOrDefault(to, new HashMap<>()).remove(from);
    }

    @Override
    public synchronized void removeAllAssociations(ObjectRef of) {
        Map<ObjectRef, Association> ofRecord = associations.remove(of);
        if (ofRecord != null) {
            ofRecord.keySet().forEach(other -> associations.getOrDefault(other, new HashMap<>()).remove(of));
        }
    }

    private void add(Association association) {
        associations.computeIfAbsent(association.from(), ref -> new HashMap<>()).merge(association.to(), association,
                (old, added) -> {
                    var ids = new TreeSet<>(old.typeIds());
                    ids.addAll(added.typeIds());
                    return new Association(old.from(), old.to(), ids);
                });
    }

    /** Whether every record but contacts and {@code creating} that the writes name is live. */
    private boolean targetsLive(List<Association> writes, ObjectRef creating) {
        for (Association write : writes) {
            if (!isLiveOrExempt(write.from(), creating) || !isLiveOrExempt(write.to(), creating)) {
                return false;
            }
        }
        return true;
    }

    private boolean isLiveOrExempt(ObjectRef ref, ObjectRef creating) {
        return ref.isContact() || ref.equals(creating) || live(ref).isPresent();
    }

    private Optional<CrmObject> live(ObjectRef ref) {
        return Optional.ofNullable(objects.get(ref)).filter(o -> !o.archived());
    }
}
