package dev.flowline.engine.activation;

import java.time.Instant;
import java.util.Optional;

/**
 * How far the enrolment of a flow's existing contacts has got, since the flow was last turned on with them. A run
 * of a segment counts once however often its message is delivered: it is known by where it began
 * ({@link ActivationRun#key()}).
 */
public interface ActivationProgress {

    /** The flow's activation started at {@code startedAt} in {@code segments} segments: nothing done yet. */
    void start(String flowId, Instant startedAt, int segments);

    /**
     * Adds what the run did to its activation's progress, unless a run with the same key was counted, or its
     * activation is no longer the flow's latest; says whether it counted.
     */
    boolean count(ActivationRun run);

    /** The flow's latest activation, if it has had one. */
    Optional<ActivationStatus> of(String flowId);
}
