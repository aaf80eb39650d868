package dev.flowline.engine.activation;

import java.time.Instant;

/**
 * One piece of an activation's work: where the scan of segment {@code segment} of {@code totalSegments} of the
 * contacts goes on, {@code after} a position (null at the segment's start). It names a flow or, with a null
 * {@code flowId}, a journey. {@code run} says what the scan enrols for (null: the contacts that already match, when
 * the flow is turned on): a run of the flow's enrolment schedule due at {@code runAt}, or a sweep of its
 * time-relative triggers from {@code since} (the previous sweep) to {@code runAt}. A flow's segment of the contacts
 * that already match has the time the flow was turned on as {@code runAt}, which names its activation's progress
 * (null in a segment queued before progress was kept).
 */
public record Segment(String flowId, int segment, int totalSegments, String after, String journeyId, Run run,
                      Instant runAt, Instant since) {

    /** What a flow's scan enrols for. */
    public enum Run {
        SCHEDULE,
        TIME_SWEEP
    }

    public Segment {
        if ((flowId == null) == (journeyId == null)) {
            throw new IllegalArgumentException("a segment names a flow or a journey");
        }
        if (segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("segment " + segment + " is not one of " + totalSegments);
        }
        if ((run != null && runAt == null) || (run == Run.TIME_SWEEP && since == null)) {
            throw new IllegalArgumentException("a schedule run needs runAt, a time sweep since and runAt");
        }
    }

    /** A segment of the contacts that already match, of a flow turned on or a journey first published. */
    public Segment(String flowId, int segment, int totalSegments, String after, String journeyId) {
        this(flowId, segment, totalSegments, after, journeyId, null, null, null);
    }

    static Segment ofFlow(String flowId, int segment, int totalSegments, Instant startedAt) {
        return new Segment(flowId, segment, totalSegments, null, null, null, startedAt, null);
    }

    /** A segment of the contacts that already match, of a flow turned on at {@code runAt}: its run counts in progress. */
    boolean isActivation() {
        return flowId != null && run == null && runAt != null;
    }

    static Segment ofJourney(String journeyId, int segment, int totalSegments) {
        return new Segment(null, segment, totalSegments, null, journeyId);
    }

    /** The rest of this segment, from {@code next}. */
    Segment from(String next) {
        return new Segment(flowId, segment, totalSegments, next, journeyId, run, runAt, since);
    }
}
