package dev.flowline.engine.activation;

import dev.flowline.engine.definition.EnrollmentSchedule;

/**
 * A run a flow needs again and again while it is on: its enrolment schedule ({@code schedule}, at its times of day
 * in the account's time zone), or the sweep that enrols the contacts whose time-relative triggers time made them
 * meet ({@code schedule} null, every sweep interval).
 */
public record RecurringRun(String flowId, Kind kind, EnrollmentSchedule schedule) {

    public enum Kind {
        /** The flow's {@code enrollmentSchedule}: each run enrols the contacts it selects. */
        ENROLMENT_SCHEDULE,
        /** Re-evaluates the flow's triggers that read times relative to now. */
        TIME_SWEEP
    }

    public RecurringRun {
        if ((kind == Kind.ENROLMENT_SCHEDULE) != (schedule != null)) {
            throw new IllegalArgumentException("an enrolment schedule run, and only it, has a schedule");
        }
    }
}
