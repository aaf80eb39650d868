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

    /** Clearing all goal criteria starts the goal count and conversion rate afresh. */
    void resetGoal(String flowId);

    FlowMetricsSnapshot snapshot(String flowId);
}
