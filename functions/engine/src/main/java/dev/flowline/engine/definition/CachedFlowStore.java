package dev.flowline.engine.definition;

import dev.flowline.engine.Page;

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
 * also answers the finds of each of them. A zero {@code ttl} keeps nothing. A save or delete through this store
 * forgets what it kept of the flow, and the enabled flows; a write through another store waits for {@code ttl}.
 * Pages and revisions are read from the store every time.
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

    @Override
    public Page<Flow> page(String after, int limit) {
        return store.page(after, limit);
    }

    @Override
    public Flow save(Flow flow) {
        try {
            return store.save(flow);
        } finally {
            forget(flow.id());
        }
    }

    @Override
    public Optional<Flow> revision(String flowId, String revisionId) {
        return store.revision(flowId, revisionId);
    }

    @Override
    public void delete(String flowId) {
        try {
            store.delete(flowId);
        } finally {
            forget(flowId);
        }
    }

    private void forget(String flowId) {
        byId.remove(flowId);
        enabled = null;
    }
}
