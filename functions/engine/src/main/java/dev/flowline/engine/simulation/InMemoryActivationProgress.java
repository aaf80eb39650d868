package dev.flowline.engine.simulation;

import dev.flowline.engine.activation.ActivationProgress;
import dev.flowline.engine.activation.ActivationRun;
import dev.flowline.engine.activation.ActivationStatus;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Activation progress in memory: the flows' latest activations and the keys of the runs counted. */
public final class InMemoryActivationProgress implements ActivationProgress {

    private final Map<String, ActivationStatus> latest = new ConcurrentHashMap<>();
    private final Set<String> counted = new HashSet<>();

    @Override
    public void start(String flowId, Instant startedAt, int segments) {
        latest.put(flowId, new ActivationStatus(flowId, startedAt, segments, 0, 0, 0));
    }

    @Override
    public synchronized boolean count(ActivationRun run) {
        ActivationStatus status = latest.get(run.flowId());
        if (status == null || !status.startedAt().equals(run.startedAt()) || !counted.add(run.key())) {
            return false;
        }
        latest.put(run.flowId(), new ActivationStatus(run.flowId(), run.startedAt(), status.segmentsTotal(),
                status.segmentsDone() + (run.segmentDone() ? 1 : 0), status.contactsScanned() + run.scanned(),
                status.contactsEnrolled() + run.enrolled()));
        return true;
    }

    @Override
    public Optional<ActivationStatus> of(String flowId) {
        return Optional.ofNullable(latest.get(flowId));
    }
}
