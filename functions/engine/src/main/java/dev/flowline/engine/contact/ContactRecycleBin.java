package dev.flowline.engine.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deleted contacts, kept whole for {@link #RETENTION} so they can be restored, as HubSpot's recycle bin keeps a
 * contact a workflow or a user deleted; then they are erased for good. A contact in the bin is not in the
 * {@link ContactStore}: every read finds no such contact.
 */
public interface ContactRecycleBin {

    /** How long a deleted contact can be restored: HubSpot's 90 days. */
    Duration RETENTION = Duration.ofDays(90);

    /** A contact as it was when it was deleted, at {@code deletedAt}. */
    record Deleted(Contact contact, Instant deletedAt) {
    }

    /** Keeps the contact as it is now; putting it again replaces the earlier copy. */
    void put(Contact contact, Instant deletedAt);

    Optional<Deleted> find(String contactId);

    void remove(String contactId);

    /** The ids of the contacts deleted before {@code cutoff}, at most {@code limit} of them. */
    List<String> deletedBefore(Instant cutoff, int limit);
}
