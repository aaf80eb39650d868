package dev.flowline.engine.definition;

import dev.flowline.engine.Page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
    private final KeptForTtl<String, Optional<Flow>> byId;
    private volatile Kept<List<Flow>> enabled;

    public CachedFlowStore(FlowStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
        this.byId = new KeptForTtl<>(clock, ttl);
    }

    @Override
    public Optional<Flow> find(String flowId) {
        return byId.get(flowId, store::find);
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
            byId.forgetExpired();
            for (Flow flow : kept.value()) {
                byId.keep(flow.id(), Optional.of(flow), kept.until());
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
        byId.forget(flowId);
        enabled = null;
    }
}
