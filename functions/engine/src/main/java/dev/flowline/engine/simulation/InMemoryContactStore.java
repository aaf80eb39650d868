package dev.flowline.engine.simulation;

import dev.flowline.engine.Page;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactEvent;
import dev.flowline.engine.contact.ContactStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts held in memory; like a real store, it hands out and keeps copies, so unsaved changes are lost, and it
 * keeps a contact's version, so a save merges with the writes it did not read and never brings back a deleted one.
 * Pages and scan segments are in id order; a contact is in the segment its id's hash names. Pending events are kept
 * beside the contacts, in the order they were saved.
 */
public final class InMemoryContactStore implements ContactStore {

    private final Map<String, Contact> contacts = new LinkedHashMap<>();
    private final Map<String, List<ContactEvent>> pending = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Contact> find(String contactId) {
        return Optional.ofNullable(contacts.get(contactId)).map(Contact::copy);
    }

    @Override
    public synchronized Optional<Contact> findByEmail(String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return contacts.values().stream()
                .filter(contact -> contact.email().map(own -> own.toLowerCase(Locale.ROOT)).filter(wanted::equals)
                        .isPresent())
                .findFirst().map(Contact::copy);
    }

    @Override
    public synchronized Page<Contact> page(String after, int limit) {
        return Pages.after(contacts.values().stream().map(Contact::copy), Contact::id, after, limit);
    }

    @Override
    public synchronized Page<Contact> scan(int segment, int totalSegments, String after, int limit) {
        return Pages.after(contacts.values().stream()
                        .filter(contact -> Math.floorMod(contact.id().hashCode(), totalSegments) == segment)
                        .map(Contact::copy),
                Contact::id, after, limit);
    }

    @Override
    public synchronized void create(Contact contact, List<ContactEvent> events) {
        if (contacts.containsKey(contact.id())) {
            throw new IllegalStateException("a contact with id " + contact.id() + " already exists");
        }
        store(contact, 1, events);
    }

    @Override
    public synchronized boolean replaceIfUnchanged(Contact contact, List<ContactEvent> events) {
        Contact stored = contacts.get(contact.id());
        if (stored == null || stored.version() != contact.version()) {
            return false;
        }
        store(contact, contact.version() + 1, events);
        return true;
    }

    private void store(Contact contact, long version, List<ContactEvent> events) {
        contact.stored(version);
        contacts.put(contact.id(), contact.copy());
        if (!events.isEmpty()) {
            pending.computeIfAbsent(contact.id(), id -> new ArrayList<>()).addAll(events);
        }
    }

    @Override
    public synchronized List<ContactEvent> pendingEvents(String contactId) {
        return List.copyOf(pending.getOrDefault(contactId, List.of()));
    }

    @Override
    public synchronized void published(String contactId, List<ContactEvent> events) {
        List<ContactEvent> left = pending.get(contactId);
        if (left != null) {
            left.removeAll(new HashSet<>(events));
            if (left.isEmpty()) {
                pending.remove(contactId);
            }
        }
    }

    @Override
    public synchronized void delete(String contactId) {
        contacts.remove(contactId);
        pending.remove(contactId);
    }

    public synchronized Collection<Contact> all() {
        return contacts.values().stream().map(Contact::copy).toList();
    }
}
