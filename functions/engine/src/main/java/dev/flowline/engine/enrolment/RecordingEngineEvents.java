package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.ContactStore;

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

    @Override
    public void propertiesChanged(String contactId, Set<String> properties) {
        publisher.propertiesChanged(contactId, properties);
    }
}
