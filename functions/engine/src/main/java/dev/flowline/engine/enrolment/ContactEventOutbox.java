package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ContactEvent;
import dev.flowline.engine.contact.ContactStore;

import java.time.Duration;
import java.util.List;

/**
 * Publishes the events that contact writes saved with them (property changes, and activities such as a contact
 * created or a list membership changed) (see {@link ContactStore}), then clears them. A writer
 * publishes its own events at once; an event still pending {@link #SWEEP_AFTER} after it was saved (its writer failed
 * after the write, or the bus refused it) is published by the sweep, or by a repeat of the request that saved it.
 * Each saved event is published at least once: one published but not cleared is published again.
 */
public final class ContactEventOutbox {

    /** How long a pending event is left to its writer before the sweep takes it: longer than any API request runs. */
    public static final Duration SWEEP_AFTER = Duration.ofMinutes(1);

    private final ContactStore contacts;
    private final EngineEvents publisher;

    public ContactEventOutbox(ContactStore contacts, EngineEvents publisher) {
        this.contacts = contacts;
        this.publisher = publisher;
    }

    /** Publishes the contact's {@code events} in order, then clears them; a refusal throws and leaves them pending. */
    public void publish(String contactId, List<ContactEvent> events) {
        for (ContactEvent event : events) {
            if (event.activity() != null) {
                publisher.activity(contactId, event.activity());
            } else {
                publisher.propertiesChanged(contactId, event.properties());
            }
        }
        contacts.published(contactId, events);
    }

    /** Publishes every event the contact has pending, as {@link #publish} does. */
    public void publishPending(String contactId) {
        List<ContactEvent> pending = contacts.pendingEvents(contactId);
        if (!pending.isEmpty()) {
            publish(contactId, pending);
        }
    }
}
