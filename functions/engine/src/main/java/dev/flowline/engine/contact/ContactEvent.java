package dev.flowline.engine.contact;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An event a contact write causes, saved in the same write as the contact, pending until it is published (the
 * transactional outbox, see {@link ContactStore#create(Contact, java.util.List)}): a {@code contact.changed} naming
 * the changed {@code properties}, or, when {@code activity} is set, that {@code contact.activity} (a contact created, a
 * list membership changed), recorded on the contact by the same write. Its id tells it from every other pending event,
 * so that publishing it clears it and no other; {@code savedAt} is when it was saved, which tells the sweep how long
 * it has waited.
 */
public record ContactEvent(String id, Instant savedAt, Set<String> properties, ActivityEvent activity) {

    public ContactEvent {
        properties = Set.copyOf(properties);
    }

    public ContactEvent(String id, Instant savedAt, Set<String> properties) {
        this(id, savedAt, properties, null);
    }

    /** A new event naming the {@code properties} a write saved at {@code savedAt}. */
    public static ContactEvent changed(Set<String> properties, Instant savedAt) {
        return new ContactEvent(UUID.randomUUID().toString(), savedAt, properties);
    }

    /** A new event publishing {@code activity}, which the write saved at {@code savedAt} records on the contact. */
    public static ContactEvent of(ActivityEvent activity, Instant savedAt) {
        return new ContactEvent(UUID.randomUUID().toString(), savedAt, Set.of(), activity);
    }
}
