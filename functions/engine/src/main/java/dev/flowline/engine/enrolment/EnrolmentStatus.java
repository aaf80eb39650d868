package dev.flowline.engine.enrolment;

/** Where an enrolment stands. Only an {@code ACTIVE} enrolment runs steps. */
public enum EnrolmentStatus {
    ACTIVE,
    COMPLETED,
    UNENROLLED
}
