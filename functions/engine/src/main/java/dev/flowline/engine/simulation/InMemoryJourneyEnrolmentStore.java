package dev.flowline.engine.simulation;

import dev.flowline.engine.journey.JourneyEnrolment;
import dev.flowline.engine.journey.JourneyEnrolmentStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Journey enrolments held in memory, with the same conditional-write rules as a real store. */
public final class InMemoryJourneyEnrolmentStore implements JourneyEnrolmentStore {

    private final Map<String, JourneyEnrolment> byId = new LinkedHashMap<>();

    @Override
    public Optional<JourneyEnrolment> find(String journeyId, String contactId) {
        return Optional.ofNullable(byId.get(JourneyEnrolment.idOf(journeyId, contactId)));
    }

    @Override
    public List<JourneyEnrolment> ofJourney(String journeyId) {
        return byId.values().stream().filter(e -> e.journeyId().equals(journeyId)).toList();
    }

    @Override
    public boolean create(JourneyEnrolment enrolment) {
        return byId.putIfAbsent(enrolment.id(), enrolment) == null;
    }

    @Override
    public boolean update(JourneyEnrolment enrolment, long expectedRevision) {
        JourneyEnrolment stored = byId.get(enrolment.id());
        if (stored == null || stored.revision() != expectedRevision) {
            return false;
        }
        byId.put(enrolment.id(), enrolment);
        return true;
    }

    @Override
    public void delete(String journeyId, String contactId) {
        byId.remove(JourneyEnrolment.idOf(journeyId, contactId));
    }

    @Override
    public void deleteJourney(String journeyId) {
        byId.values().removeIf(e -> e.journeyId().equals(journeyId));
    }
}
