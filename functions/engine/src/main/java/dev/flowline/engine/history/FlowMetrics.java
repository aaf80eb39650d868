package dev.flowline.engine.history;

import dev.flowline.engine.enrolment.UnenrolmentReason;

/** Counters per flow, updated as things happen (atomic increments in a real store). */
public interface FlowMetrics {

    void increment(String flowId, Metric metric);

    void unenrolled(String flowId, UnenrolmentReason reason);

    void action(String flowId, String actionId, HistoryKind outcome);

    /** Adds a run's counts of the flow; a store that can writes them in one request. */
    default void add(String flowId, FlowCounts counts) {
        counts.metrics().forEach((metric, n) -> {
            for (long i = 0; i < n; i++) {
                increment(flowId, metric);
            }
        });
        counts.actions().forEach((actionId, outcomes) -> outcomes.forEach((outcome, n) -> {
            for (long i = 0; i < n; i++) {
                action(flowId, actionId, outcome);
            }
        }));
    }

    /** Clearing all goal criteria starts the goal count and conversion rate afresh. */
    void resetGoal(String flowId);

    FlowMetricsSnapshot snapshot(String flowId);
}
