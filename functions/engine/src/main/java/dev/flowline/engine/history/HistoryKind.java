package dev.flowline.engine.history;

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
    COMPLETED,
    /** A journey moved the contact to another stage. */
    STAGE_MOVED,
    /** The contact reached one of a journey's exits. */
    EXITED,
    /** A publish deleted the contact's journey stage or actions: it waits for its property to take a stage's value. */
    INACTIVE
}
