package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;

import java.util.List;

/**
 * A change to a contact: its state before and after, and the events that came with it (a form submission,
 * a property-change event per changed property, a workflow event…). {@code before} is null for a new contact.
 */
public record ContactChange(Contact before, Contact after, List<ActivityEvent> events) {

    public ContactChange {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
