package dev.flowline.engine.simulation;

import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.EnrolmentStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Enrolments held in memory, with the same conditional-write rules as the real store. */
public final class InMemoryEnrolmentStore implements EnrolmentStore {

    private final Map<String, Enrolment> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> byContact = new HashMap<>();

    @Override
    public Optional<Enrolment> find(String enrolmentId) {
        return Optional.ofNullable(byId.get(enrolmentId));
    }

    @Override
    public List<Enrolment> ofContact(String flowId, String contactId) {
        return all(contactId).stream().filter(e -> e.flowId().equals(flowId)).toList();
    }

    @Override
    public List<Enrolment> activeOfContact(String contactId) {
        return all(contactId).stream().filter(Enrolment::isActive).toList();
    }

    @Override
    public List<Enrolment> convertibleOfContact(String contactId) {
        return all(contactId).stream()
                .filter(e -> e.status() == EnrolmentStatus.COMPLETED && e.sentMarketingEmail() && !e.goalConverted())
                .toList();
    }

    @Override
    public boolean create(Enrolment enrolment) {
        if (byId.containsKey(enrolment.enrolmentId())
                || ofContact(enrolment.flowId(), enrolment.contactId()).stream().anyMatch(Enrolment::isActive)) {
            return false;
        }
        byId.put(enrolment.enrolmentId(), enrolment);
        byContact.computeIfAbsent(enrolment.contactId(), c -> new ArrayList<>()).add(enrolment.enrolmentId());
        return true;
    }

    @Override
    public boolean update(Enrolment enrolment, long expectedSequence) {
        Enrolment stored = byId.get(enrolment.enrolmentId());
        if (stored == null || stored.sequence() != expectedSequence) {
            return false;
        }
        byId.put(enrolment.enrolmentId(), enrolment);
        return true;
    }

    public Collection<Enrolment> all() {
        return byId.values();
    }

    private List<Enrolment> all(String contactId) {
        return byContact.getOrDefault(contactId, List.of()).stream().map(byId::get).toList();
    }
}
