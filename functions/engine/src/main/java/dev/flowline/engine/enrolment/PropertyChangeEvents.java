package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The property-change events ({@value StandardEvents#PROPERTY_CHANGE}) that come with a change of properties. */
public final class PropertyChangeEvents {

    private PropertyChangeEvents() {
    }

    /** One event per changed property, with the contact's new value, at {@code at}. */
    public static List<ActivityEvent> of(Contact contact, Set<String> changed, Instant at) {
        return changed.stream()
                .map(property -> new ActivityEvent(StandardEvents.PROPERTY_CHANGE, at, Map.of(
                        StandardEvents.CHANGED_PROPERTY, property,
                        StandardEvents.NEW_VALUE, contact.value(property).orElse(""))))
                .toList();
    }
}
