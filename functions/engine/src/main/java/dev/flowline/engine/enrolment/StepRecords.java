package dev.flowline.engine.enrolment;

import dev.flowline.engine.history.FlowCounts;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.history.Metric;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of an enrolment's steps records: its history entries and its flow's counts, kept until the run ends
 * and then written together (one batch of entries, one update of the counters) rather than two writes per step.
 * The entries of steps whose move of the enrolment is not written yet are kept apart, until it is.
 */
final class StepRecords {

    private final EngineContext engine;
    private final String flowId;
    private final List<HistoryEntry> entries = new ArrayList<>();
    private final List<HistoryEntry> unwritten = new ArrayList<>();
    private FlowCounts counts = new FlowCounts();

    StepRecords(EngineContext engine, String flowId) {
        this.engine = engine;
        this.flowId = flowId;
    }

    /** An entry for the enrolment, counted per action unless it is a reschedule. */
    void record(Enrolment enrolment, HistoryKind kind, String actionId, String detail) {
        keep(entry(enrolment, kind, actionId, detail));
    }

    /**
     * An entry for a step whose move of the enrolment is not written yet: kept and counted once {@link #moveWritten}
     * says it is; never written otherwise.
     */
    void recordUnwritten(Enrolment enrolment, HistoryKind kind, String actionId, String detail) {
        unwritten.add(entry(enrolment, kind, actionId, detail));
    }

    /** The enrolment's move is written, with the steps recorded as unwritten. */
    void moveWritten() {
        unwritten.forEach(this::keep);
        unwritten.clear();
    }

    private HistoryEntry entry(Enrolment enrolment, HistoryKind kind, String actionId, String detail) {
        return new HistoryEntry(enrolment.enrolmentId(), enrolment.flowId(), enrolment.contactId(),
                engine.clock().instant(), kind, actionId, detail);
    }

    private void keep(HistoryEntry entry) {
        entries.add(entry);
        if (entry.actionId() != null && entry.kind() != HistoryKind.RESCHEDULED) {
            counts.action(entry.actionId(), entry.kind());
        }
    }

    void count(Metric metric) {
        counts.increment(metric);
    }

    /** Writes what was recorded since the last write: the history first, then the counts. */
    void write() {
        if (!entries.isEmpty()) {
            engine.history().appendAll(List.copyOf(entries));
            entries.clear();
        }
        if (!counts.isEmpty()) {
            FlowCounts written = counts;
            counts = new FlowCounts();
            engine.metrics().add(flowId, written);
        }
    }
}
