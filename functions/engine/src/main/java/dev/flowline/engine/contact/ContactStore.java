package dev.flowline.engine.contact;

import dev.flowline.engine.Page;

import java.util.List;
import java.util.Optional;

/**
 * Where contacts live. A contact that is not found has been deleted. Each stored contact has a version that every
 * write advances, so that a writer never overwrites a change it did not read.
 * <p>
 * A write may carry the {@link ContactEvent}s it causes: they are stored in the same write, as the contact's pending
 * events, and stay pending until {@link #published}, so that a saved write's events are published even when the
 * writer fails right after the write (the transactional outbox). Writes without events leave pending ones as they are.
 */
public interface ContactStore {

    /** How many times a save re-reads the contact and replays its edits before it gives up. */
    int SAVE_ATTEMPTS = 5;

    Optional<Contact> find(String contactId);

    /** The contact whose email is {@code email}, ignoring case. */
    Optional<Contact> findByEmail(String email);

    /**
     * A page of the contacts in the store's order, from after the contact {@code after} (null: from the first).
     * A page ends on a contact, whose id is the key of the next.
     */
    Page<Contact> page(String after, int limit);

    /**
     * The contacts among the next {@code limit} stored of segment {@code segment} of {@code totalSegments}, which
     * together hold every contact once, after the position {@code after} (null: from the segment's start). A page
     * may hold few contacts, or none, before the segment ends; its next position is for the next call only.
     */
    Page<Contact> scan(int segment, int totalSegments, String after, int limit);

    /** Whether the contact can be stored: a store with a size limit says no to one over it. */
    default boolean fits(Contact contact) {
        return true;
    }

    /** Removes the contact entirely; its enrolments end at their next step, which finds no contact. */
    void delete(String contactId);

    /** Stores a new contact, the only way a contact comes to be; refuses an id that is taken. */
    default void create(Contact contact) {
        create(contact, List.of());
    }

    /** Stores a new contact with {@code events} pending, in one write; refuses an id that is taken. */
    void create(Contact contact, List<ContactEvent> events);

    /**
     * Stores {@code contact} in place of the stored one, with {@code events} added to its pending events, if that is
     * still at the version {@code contact} was read at, and marks it stored at its new version. Returns false,
     * storing nothing, when another writer (or a deletion) came first. Writers call {@link #save}.
     */
    boolean replaceIfUnchanged(Contact contact, List<ContactEvent> events);

    /** The contact's events saved and not yet {@link #published}, oldest first; none for a deleted contact. */
    List<ContactEvent> pendingEvents(String contactId);

    /** Clears {@code events}, which have been published, from the contact's pending events; others stay. */
    void published(String contactId, List<ContactEvent> events);

    /** Saves the edits made to each contact since it was read, as {@link #save(Contact)}; a store may write them together. */
    default void saveAll(List<Contact> contacts) {
        contacts.forEach(this::save);
    }

    /** Saves the edits made to {@code contact} since it was read, with no event: see {@link #save(Contact, List)}. */
    default Optional<Contact> save(Contact contact) {
        return save(contact, List.of());
    }

    /**
     * Saves the edits made to {@code contact} since it was read. When another writer saved the contact meanwhile,
     * the edits are made again on a fresh read and saved at its version, a few times at most, so both writers'
     * changes are kept. Returns the contact as saved, or nothing when it was deleted since it was read: a write
     * never brings a deleted contact back. The edits of {@code contact} are spent either way. {@code events} are
     * stored with the edits, pending, in the write that saves them.
     *
     * @throws ContactSaveConflict when the contact kept changing under every attempt, so the work is retried later
     */
    default Optional<Contact> save(Contact contact, List<ContactEvent> events) {
        if (replaceIfUnchanged(contact, events)) {
            return Optional.of(contact);
        }
        for (int attempt = 1; attempt < SAVE_ATTEMPTS; attempt++) {
            Optional<Contact> current = find(contact.id());
            if (current.isEmpty()) {
                contact.stored(contact.version());
                return Optional.empty();
            }
            contact.replayEdits(current.get());
            if (replaceIfUnchanged(current.get(), events)) {
                // the caller's copy stays at the version it was read at, so a later save of it conflicts and merges
                contact.stored(contact.version());
                return current;
            }
        }
        throw new ContactSaveConflict(contact.id(), SAVE_ATTEMPTS);
    }
}
