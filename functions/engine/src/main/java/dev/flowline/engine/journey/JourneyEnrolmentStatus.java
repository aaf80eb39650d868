package dev.flowline.engine.journey;

/** Where a contact stands in a journey. Every status but {@code ACTIVE} and {@code INACTIVE} is final. */
public enum JourneyEnrolmentStatus {
    /** In a stage: its flow runs or has run to the end of its path. */
    ACTIVE,
    /** Its stage or action was deleted by a publish: it waits until its property takes a stage's value. */
    INACTIVE,
    /** Reached an exit (the goal or another). */
    EXITED,
    /** Left early through an unenrolment option. */
    UNENROLLED
}
