package dev.flowline.engine.history;

/** The counters kept per flow. Per-action counters are kept by action id besides these. */
public enum Metric {
    ENROLLED,
    COMPLETED,
    UNENROLLED,
    GOAL_CONVERSIONS
}
