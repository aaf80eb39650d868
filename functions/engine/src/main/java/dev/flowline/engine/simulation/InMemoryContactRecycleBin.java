package dev.flowline.engine.simulation;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactRecycleBin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deleted contacts held in memory, as copies, in the order they were deleted. */
public final class InMemoryContactRecycleBin implements ContactRecycleBin {

    private final Map<String, Deleted> deleted = new LinkedHashMap<>();

    @Override
    public synchronized void put(Contact contact, Instant deletedAt) {
        deleted.put(contact.id(), new Deleted(contact.copy(), deletedAt));
    }

    @Override
    public synchronized Optional<Deleted> find(String contactId) {
        return Optional.ofNullable(deleted.get(contactId))
                .map(found -> new Deleted(found.contact().copy(), found.deletedAt()));
    }

    @Override
    public synchronized void remove(String contactId) {
        deleted.remove(contactId);
    }

    @Override
    public synchronized List<String> deletedBefore(Instant cutoff, int limit) {
        return deleted.values().stream().filter(found -> found.deletedAt().isBefore(cutoff)).limit(limit)
                .map(found -> found.contact().id()).toList();
    }
}
