package dev.flowline.engine.simulation;

import dev.flowline.engine.history.History;
import dev.flowline.engine.history.HistoryEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Enrolment histories held in memory. */
public final class InMemoryHistory implements History {

    private final Map<String, List<HistoryEntry>> byEnrolment = new HashMap<>();
    private final Map<String, List<HistoryEntry>> byContact = new HashMap<>();

    @Override
    public void append(HistoryEntry entry) {
        if (entry.enrolmentId() != null) {
            byEnrolment.computeIfAbsent(entry.enrolmentId(), k -> new ArrayList<>()).add(entry);
        }
        byContact.computeIfAbsent(entry.contactId(), k -> new ArrayList<>()).add(entry);
    }

    @Override
    public List<HistoryEntry> ofEnrolment(String enrolmentId) {
        return List.copyOf(byEnrolment.getOrDefault(enrolmentId, List.of()));
    }

    @Override
    public List<HistoryEntry> ofContact(String contactId) {
        return List.copyOf(byContact.getOrDefault(contactId, List.of()));
    }

    @Override
    public void deleteOfContact(String contactId) {
        List<HistoryEntry> removed = byContact.remove(contactId);
        if (removed != null) {
            removed.forEach(entry -> byEnrolment.remove(entry.enrolmentId()));
        }
    }
}
