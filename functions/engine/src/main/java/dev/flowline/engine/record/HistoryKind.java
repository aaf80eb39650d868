package dev.flowline.engine.record;

/** The kinds of lines in an enrolment's history. */
public enum HistoryKind {
    ENROLLED,
    NOT_ENROLLED,
    ACTION_SUCCEEDED,
    ACTION_SKIPPED,
    ACTION_FAILED,
    ACTION_PENDING,
    WAITING,
    RESCHEDULED,
    GOAL_MET,
    UNENROLLED,
    COMPLETED
}
