package dev.flowline.engine.timing;

import dev.flowline.engine.definition.Flow;

import java.time.Instant;
import java.time.ZoneId;

/** A flow's execution times and pause dates, in the account's time zone. */
public final class ExecutionWindows {

    private final Flow flow;
    private final ZoneId zone;

    private ExecutionWindows(Flow flow, ZoneId zone) {
        this.flow = flow;
        this.zone = zone;
    }

    public static ExecutionWindows of(Flow flow, ZoneId zone) {
        return new ExecutionWindows(flow, zone);
    }

    /** The earliest instant at or after {@code now} when an action may run, spread over 15 minutes per enrolment. */
    public Instant nextAllowed(Instant now, String enrolmentId) {
        return now;
    }
}
