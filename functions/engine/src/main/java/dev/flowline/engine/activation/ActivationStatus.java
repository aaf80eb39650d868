package dev.flowline.engine.activation;

import java.time.Instant;

/** A flow's latest activation: segments done of the total, contacts scanned and enrolled so far. */
public record ActivationStatus(String flowId, Instant startedAt, int segmentsTotal, long segmentsDone,
                               long contactsScanned, long contactsEnrolled) {

    /** Every segment has been read to its end. */
    public boolean done() {
        return segmentsDone >= segmentsTotal;
    }
}
