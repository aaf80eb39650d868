package dev.flowline.engine.history;

import dev.flowline.engine.enrolment.UnenrolmentReason;

/** Counters per flow, updated as things happen (atomic increments in a real store). */
public interface FlowMetrics {

    void increment(String flowId, Metric metric);

    /** Adds {@code amount} to the counter at once. */
    default void increment(String flowId, Metric metric, long amount) {
        for (long i = 0; i < amount; i++) {
            increment(flowId, metric);
        }
    }

    void unenrolled(String flowId, UnenrolmentReason reason);

    void action(String flowId, String actionId, HistoryKind outcome);

    /** Adds a run's counts of the flow; a store that can writes them in one request. */
    default void add(String flowId, FlowCounts counts) {
        counts.metrics().forEach((metric, n) -> increment(flowId, metric, n));
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
