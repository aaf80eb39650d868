package dev.flowline.engine.journey;

import java.util.List;
import java.util.Optional;

/** Where contacts' passes through journeys live; writes are conditional, as for flow enrolments. */
public interface JourneyEnrolmentStore {

    Optional<JourneyEnrolment> find(String journeyId, String contactId);

    /** Every enrolment of a journey, in enrolment order. */
    List<JourneyEnrolment> ofJourney(String journeyId);

    /** Creates the contact's enrolment in the journey; false if it has one already (it never enrols twice). */
    boolean create(JourneyEnrolment enrolment);

    /** Replaces the enrolment if its stored revision is still {@code expectedRevision}; false otherwise. */
    boolean update(JourneyEnrolment enrolment, long expectedRevision);

    /** Forgets a contact's enrolment in a journey (a privacy deletion); nothing if it never enrolled. */
    void delete(String journeyId, String contactId);

    /** Forgets a deleted journey's enrolments. */
    void deleteJourney(String journeyId);
}
