package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;

import java.util.List;

/**
 * Publishes what the engine itself makes happen to a contact, so that other flows can react: its own events
 * (enrolled, unenrolled, goal met) and property changes made by actions.
 */
public interface EngineEvents {

    void activity(String contactId, ActivityEvent event);

    /** The same event for each of {@code contacts}, as read by the caller: a publisher may send them together. */
    default void activities(List<Contact> contacts, ActivityEvent event) {
        contacts.forEach(contact -> activity(contact.id(), event));
    }

    void propertiesChanged(String contactId, java.util.Set<String> properties);
}
