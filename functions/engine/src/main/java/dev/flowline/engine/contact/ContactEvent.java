package dev.flowline.engine.contact;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code contact.changed} event a contact write causes: saved in the same write as the contact, pending until it
 * is published (the transactional outbox, see {@link ContactStore#create(Contact, java.util.List)}). Its id tells it
 * from every other pending event, so that publishing it clears it and no other; {@code savedAt} is when it was
 * saved, which tells the sweep how long it has waited.
 */
public record ContactEvent(String id, Instant savedAt, Set<String> properties) {

    public ContactEvent {
        properties = Set.copyOf(properties);
    }

    /** A new event naming the {@code properties} a write saved at {@code savedAt}. */
    public static ContactEvent changed(Set<String> properties, Instant savedAt) {
        return new ContactEvent(UUID.randomUUID().toString(), savedAt, properties);
    }
}
