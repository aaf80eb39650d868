package dev.flowline.engine.definition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A flow store whose answers are kept in memory for {@code ttl} on the clock: every step and contact change reads
 * definitions, which change rarely, so an edit reaches the engine within {@code ttl}. Loading the enabled flows
 * also answers the finds of each of them. A zero {@code ttl} keeps nothing.
 */
public final class CachedFlowStore implements FlowStore {

    private record Kept<T>(T value, Instant until) {
    }

    private final FlowStore store;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Kept<Optional<Flow>>> byId = new ConcurrentHashMap<>();
    private volatile Kept<List<Flow>> enabled;

    public CachedFlowStore(FlowStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Optional<Flow> find(String flowId) {
        if (ttl.isZero()) {
            return store.find(flowId);
        }
        Instant now = clock.instant();
        Kept<Optional<Flow>> kept = byId.get(flowId);
        if (kept == null || !now.isBefore(kept.until())) {
            kept = new Kept<>(store.find(flowId), now.plus(ttl));
            byId.put(flowId, kept);
        }
        return kept.value();
    }

    @Override
    public Collection<Flow> enabledFlows() {
        if (ttl.isZero()) {
            return store.enabledFlows();
        }
        Instant now = clock.instant();
        Kept<List<Flow>> kept = enabled;
        if (kept == null || !now.isBefore(kept.until())) {
            kept = new Kept<>(List.copyOf(store.enabledFlows()), now.plus(ttl));
            byId.values().removeIf(flow -> !now.isBefore(flow.until()));
            for (Flow flow : kept.value()) {
                byId.put(flow.id(), new Kept<>(Optional.of(flow), kept.until()));
            }
            enabled = kept;
        }
        return kept.value();
    }
}
