package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ListMembershipEvents;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A change to a contact: its state before and after, and the events that came with it (a form submission,
 * a property-change event per changed property, a workflow event…). {@code before} is null for a new contact.
 */
public record ContactChange(Contact before, Contact after, List<ActivityEvent> events) {

    public ContactChange {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** {@code properties} of the contact, as it is now, changed at {@code at}: a property-change event each. */
    public static ContactChange ofProperties(Contact contact, Set<String> properties, Instant at) {
        return new ContactChange(contact.before(properties), contact, PropertyChangeEvents.of(contact, properties, at));
    }

    /**
     * An activity already recorded on the contact; the contact before it has a list membership it changed
     * undone, so that list-membership triggers see the edge.
     */
    public static ContactChange ofActivity(Contact contact, ActivityEvent event) {
        return new ContactChange(ListMembershipEvents.before(contact, event), contact, List.of(event));
    }
}
