package dev.flowline.engine.simulation;

import dev.flowline.engine.Page;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.EnrolmentStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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
        return ofContact(contactId, e -> e.flowId().equals(flowId));
    }

    @Override
    public List<Enrolment> allOfContact(String contactId) {
        return ofContact(contactId, e -> true);
    }

    @Override
    public List<Enrolment> activeOfContact(String contactId) {
        return ofContact(contactId, Enrolment::isActive);
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

    @Override
    public void delete(Enrolment enrolment) {
        byId.remove(enrolment.enrolmentId());
        List<String> ofContact = byContact.get(enrolment.contactId());
        if (ofContact != null) {
            ofContact.remove(enrolment.enrolmentId());
        }
    }

    @Override
    public Page<Enrolment> ofFlow(String flowId, EnrolmentStatus status, String after, int limit) {
        List<Enrolment> matching = byId.values().stream().filter(e -> e.flowId().equals(flowId))
                .filter(e -> status == null || e.status() == status).toList();
        int from = after == null ? 0 : matching.stream().map(Enrolment::enrolmentId).toList().indexOf(after) + 1;
        List<Enrolment> page = matching.subList(from, Math.min(from + limit, matching.size()));
        return new Page<>(page, from + limit < matching.size()
                ? Optional.of(page.getLast().enrolmentId()) : Optional.empty());
    }

    @Override
    public List<Instant> enrolmentTimes(String flowId) {
        return byId.values().stream().filter(enrolment -> enrolment.flowId().equals(flowId))
                .map(Enrolment::enrolledAt).toList();
    }

    @Override
    public List<Enrolment> activeOfFlow(String flowId) {
        return byId.values().stream().filter(enrolment -> enrolment.flowId().equals(flowId) && enrolment.isActive())
                .toList();
    }

    public Collection<Enrolment> all() {
        return byId.values();
    }

    /** The contact's enrolments that pass {@code test}: a loop, not a stream, as it runs for every change. */
    private List<Enrolment> ofContact(String contactId, Predicate<Enrolment> test) {
        List<String> ids = byContact.get(contactId);
        if (ids == null) {
            return List.of();
        }
        List<Enrolment> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            Enrolment enrolment = byId.get(id);
            if (test.test(enrolment)) {
                found.add(enrolment);
            }
        }
        return found;
    }
}
