package dev.flowline.engine.simulation;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Contacts held in memory; like a real store, it hands out and keeps copies, so unsaved changes are lost. */
public final class InMemoryContactStore implements ContactStore {

    private final Map<String, Contact> contacts = new LinkedHashMap<>();

    @Override
    public Optional<Contact> find(String contactId) {
        return Optional.ofNullable(contacts.get(contactId)).map(Contact::copy);
    }

    @Override
    public void save(Contact contact) {
        contacts.put(contact.id(), contact.copy());
    }

    public void delete(String contactId) {
        contacts.remove(contactId);
    }

    public Collection<Contact> all() {
        return contacts.values().stream().map(Contact::copy).toList();
    }
}
