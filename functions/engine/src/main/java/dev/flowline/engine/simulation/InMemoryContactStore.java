package dev.flowline.engine.simulation;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Contacts held in memory. */
public final class InMemoryContactStore implements ContactStore {

    private final Map<String, Contact> contacts = new LinkedHashMap<>();

    @Override
    public Optional<Contact> find(String contactId) {
        return Optional.ofNullable(contacts.get(contactId));
    }

    @Override
    public void save(Contact contact) {
        contacts.put(contact.id(), contact);
    }

    public void delete(String contactId) {
        contacts.remove(contactId);
    }

    public Collection<Contact> all() {
        return contacts.values();
    }
}
