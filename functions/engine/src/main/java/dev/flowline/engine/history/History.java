package dev.flowline.engine.history;

import java.util.List;

/** The history of enrolments: appended to as things happen, read per enrolment and per contact. */
public interface History {

    void append(HistoryEntry entry);

    /** Appends several entries, in order; a store that can writes them in one request. */
    default void appendAll(List<HistoryEntry> entries) {
        entries.forEach(this::append);
    }

    List<HistoryEntry> ofEnrolment(String enrolmentId);

    List<HistoryEntry> ofContact(String contactId);

    /** Removes every entry of the contact, its enrolments' among them (a privacy deletion). */
    void deleteOfContact(String contactId);
}
