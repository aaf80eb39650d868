package dev.flowline.engine.activation;

/**
 * Where a flow's recurring runs are kept and fired (EventBridge Scheduler schedules in production): each fires
 * {@link Activation#startSchedule} or {@link Activation#startTimeSweep} for its flow, on the flow's account.
 */
public interface RecurringRuns {

    /** Creates the run, or replaces the flow's run of that kind. */
    void put(RecurringRun run);

    /** Removes the flow's run of that kind; nothing happens if it has none. */
    void remove(String flowId, RecurringRun.Kind kind);
}
