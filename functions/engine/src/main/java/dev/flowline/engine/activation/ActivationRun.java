package dev.flowline.engine.activation;

import java.time.Instant;

/**
 * What one run of an activation's segment did: it scanned {@code scanned} contacts from {@code after} (null: the
 * segment's start), of which {@code enrolled} are enrolled by this activation, and {@code segmentDone} says whether
 * it reached the segment's end.
 */
public record ActivationRun(String flowId, Instant startedAt, int segment, String after, long scanned, long enrolled,
                            boolean segmentDone) {

    /** The run's identity within its activation: the same segment message redelivered has the same key. */
    public String key() {
        return flowId + "#" + startedAt + "#" + segment + "#" + (after == null ? "" : after);
    }
}
