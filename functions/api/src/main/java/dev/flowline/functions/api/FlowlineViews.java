package dev.flowline.functions.api;

import dev.flowline.engine.activation.ActivationStatus;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.FlowMetricsSnapshot;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON that Flowline's own endpoints answer with: enrolments, history lines, flow metrics, activation progress. */
final class FlowlineViews {

    /** The per-action outcomes every action shows, zero or not. */
    private static final List<HistoryKind> ACTION_OUTCOMES =
            List.of(HistoryKind.ACTION_SUCCEEDED, HistoryKind.ACTION_SKIPPED, HistoryKind.ACTION_FAILED);
    private static final String ACTION_PREFIX = "ACTION_";

    private FlowlineViews() {
    }

    record EnrolmentView(String id, String flowId, String contactId, int number, EnrolmentSource source,
                         EnrolmentStatus status, String currentActionId, String enrolledAt, String dueAt,
                         String endedAt, UnenrolmentReason unenrolmentReason, boolean goalConverted) {
    }

    record HistoryLine(String enrolmentId, String flowId, String contactId, String at, HistoryKind kind,
                       String actionId, String detail) {
    }

    record Metrics(long enrolled, long active, long completed, long unenrolled,
                   Map<UnenrolmentReason, Long> unenrolledByReason, Map<String, Map<String, Long>> actions,
                   long goalConversions, double goalConversionRate) {
    }

    record Results<T>(List<T> results) {
    }

    /** {@code total} active enrolments listed (at one action or all), {@code byAction} counting every active one. */
    record ActiveEnrolments(int total, Map<String, Long> byAction, List<EnrolmentView> results) {
    }

    /** A flow's latest activation: {@code done} once every segment has been read to its end. */
    record ActivationView(String flowId, String startedAt, Segments segments, long contactsScanned,
                          long contactsEnrolled, boolean done) {
    }

    record Segments(long done, int total) {
    }

    static ActivationView activation(ActivationStatus status) {
        return new ActivationView(status.flowId(), text(status.startedAt()),
                new Segments(status.segmentsDone(), status.segmentsTotal()), status.contactsScanned(),
                status.contactsEnrolled(), status.done());
    }

    static EnrolmentView enrolment(Enrolment e) {
        return new EnrolmentView(e.enrolmentId(), e.flowId(), e.contactId(), e.number(), e.source(), e.status(),
                e.currentActionId(), text(e.enrolledAt()), text(e.dueAt()), text(e.endedAt()), e.unenrolmentReason(),
                e.goalConverted());
    }

    static ActiveEnrolments activeEnrolments(List<Enrolment> active, List<Enrolment> listed, int total) {
        Map<String, Long> byAction = new TreeMap<>();
        active.stream().filter(e -> e.currentActionId() != null)
                .forEach(e -> byAction.merge(e.currentActionId(), 1L, Long::sum));
        return new ActiveEnrolments(total, byAction, listed.stream().map(FlowlineViews::enrolment).toList());
    }

    static Results<HistoryLine> history(List<HistoryEntry> entries) {
        return new Results<>(entries.stream().map(h -> new HistoryLine(h.enrolmentId(), h.flowId(), h.contactId(),
                text(h.at()), h.kind(), h.actionId(), h.detail())).toList());
    }

    static Metrics metrics(FlowMetricsSnapshot snapshot) {
        Map<String, Map<String, Long>> actions = new TreeMap<>();
        snapshot.actions().forEach((actionId, counts) -> {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            ACTION_OUTCOMES.forEach(kind -> outcomes.put(outcome(kind), counts.getOrDefault(kind, 0L)));
            counts.forEach((kind, count) -> outcomes.putIfAbsent(outcome(kind), count));
            actions.put(actionId, outcomes);
        });
        return new Metrics(snapshot.enrolled(), snapshot.active(), snapshot.completed(), snapshot.unenrolled(),
                new TreeMap<>(snapshot.unenrolledByReason()), actions, snapshot.goalConversions(),
                snapshot.goalConversionRate());
    }

    /** {@code ACTION_SUCCEEDED} is {@code SUCCEEDED} under its action. */
    private static String outcome(HistoryKind kind) {
        return kind.name().startsWith(ACTION_PREFIX) ? kind.name().substring(ACTION_PREFIX.length()) : kind.name();
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
