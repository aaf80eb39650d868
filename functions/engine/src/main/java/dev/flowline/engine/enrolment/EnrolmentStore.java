package dev.flowline.engine.enrolment;

import dev.flowline.engine.Page;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where enrolments live. Writes are conditional on the sequence, which makes every step idempotent. */
public interface EnrolmentStore {

    Optional<Enrolment> find(String enrolmentId);

    /** Every enrolment of a contact in a flow, oldest first. */
    List<Enrolment> ofContact(String flowId, String contactId);

    /** Every enrolment of the contact, in every flow, ended ones too. */
    List<Enrolment> allOfContact(String contactId);

    /** The contact's active enrolments across all flows. */
    List<Enrolment> activeOfContact(String contactId);

    /**
     * Creates a new enrolment; false if one with the same id exists (a duplicate trigger) or the contact
     * already has an active enrolment in the flow.
     */
    boolean create(Enrolment enrolment);

    /**
     * Creates each enrolment as {@link #create} does, and returns those created; a store may write them together.
     */
    default List<Enrolment> createAll(List<Enrolment> enrolments) {
        return enrolments.stream().filter(this::create).toList();
    }

    /**
     * Each contact's first enrolment in the flow, for those of {@code contactIds} ever enrolled in it: its number
     * is 1 ({@link Enrolment#idOf}), so a store may read them all at once by id.
     */
    default Map<String, Enrolment> firstOfContacts(String flowId, Collection<String> contactIds) {
        var first = new HashMap<String, Enrolment>();
        contactIds.forEach(contactId -> ofContact(flowId, contactId).stream().findFirst()
                .ifPresent(enrolment -> first.put(contactId, enrolment)));
        return first;
    }

    /** Replaces the enrolment if its stored sequence is still {@code expectedSequence}; false otherwise. */
    boolean update(Enrolment enrolment, long expectedSequence);

    /**
     * Removes the enrolment and the contact's hold on its flow, whoever holds it (a privacy deletion: the contact
     * is going). A later step of the enrolment finds nothing and does nothing.
     */
    void delete(Enrolment enrolment);

    /**
     * A page of at most {@code limit} of the flow's enrolments, only those of {@code status} when it is not null,
     * from after the enrolment {@code after} (null: from the first); the next page's {@code after} when there may be
     * more. For the API's listing, not the engine: it may read every enrolment.
     */
    Page<Enrolment> ofFlow(String flowId, EnrolmentStatus status, String after, int limit);

    /** When each enrolment of the flow began; for occasional reports, not the engine: it may read every enrolment. */
    List<Instant> enrolmentTimes(String flowId);

    /** The flow's active enrolments; for occasional reports, not the engine: it may read every enrolment. */
    List<Enrolment> activeOfFlow(String flowId);
}
