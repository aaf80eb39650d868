package dev.flowline.engine.activation;

/**
 * One piece of an activation's work: where the scan of segment {@code segment} of {@code totalSegments} of the
 * contacts goes on, {@code after} a position (null at the segment's start). It names a flow or, with a null
 * {@code flowId}, a journey.
 */
public record Segment(String flowId, int segment, int totalSegments, String after, String journeyId) {

    public Segment {
        if ((flowId == null) == (journeyId == null)) {
            throw new IllegalArgumentException("a segment names a flow or a journey");
        }
        if (segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("segment " + segment + " is not one of " + totalSegments);
        }
    }

    static Segment ofFlow(String flowId, int segment, int totalSegments) {
        return new Segment(flowId, segment, totalSegments, null, null);
    }

    static Segment ofJourney(String journeyId, int segment, int totalSegments) {
        return new Segment(null, segment, totalSegments, null, journeyId);
    }

    /** The rest of this segment, from {@code next}. */
    Segment from(String next) {
        return new Segment(flowId, segment, totalSegments, next, journeyId);
    }
}
