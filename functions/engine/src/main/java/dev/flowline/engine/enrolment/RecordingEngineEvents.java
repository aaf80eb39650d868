package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;

import java.util.List;
import java.util.Set;

/**
 * Records each engine event on its contact before publishing it, so that the handlers the event reaches find it
 * among the contact's events (event filters, "has enrolled in", goal checks read them there).
 */
public record RecordingEngineEvents(ContactStore contacts, EngineEvents publisher) implements EngineEvents {

    @Override
    public void activity(String contactId, ActivityEvent event) {
        contacts.find(contactId).ifPresent(contact -> {
            contact.record(event);
            contacts.save(contact);
        });
        publisher.activity(contactId, event);
    }

    /** Records the event on the copies the caller read: a save that meets a newer version merges into it. */
    @Override
    public void activities(List<Contact> read, ActivityEvent event) {
        read.forEach(contact -> contact.record(event));
        contacts.saveAll(read);
        publisher.activities(read, event);
    }

    @Override
    public void propertiesChanged(String contactId, Set<String> properties) {
        publisher.propertiesChanged(contactId, properties);
    }
}
