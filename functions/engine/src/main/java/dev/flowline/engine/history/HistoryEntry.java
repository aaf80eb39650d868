package dev.flowline.engine.history;

import java.time.Instant;

/**
 * One line of an enrolment's history: enrolled (and why), an action with its outcome, a wait, a goal met,
 * unenrolled (and why), completed.
 *
 * @param actionId the action concerned, or null
 * @param detail   a plain sentence for people reading the history
 */
public record HistoryEntry(String enrolmentId, String flowId, String contactId, Instant at, HistoryKind kind,
                           String actionId, String detail) {
}
