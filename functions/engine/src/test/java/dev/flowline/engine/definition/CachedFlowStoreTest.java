package dev.flowline.engine.definition;

import dev.flowline.engine.Page;
import dev.flowline.engine.simulation.InMemoryFlowStore;
import dev.flowline.engine.simulation.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CachedFlowStoreTest {

    private static final Duration TTL = Duration.ofSeconds(10);

    private final VirtualClock clock = new VirtualClock(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryFlowStore store = new InMemoryFlowStore();
    private final Flow flow = FlowJsonFixtures.parse("event-based.json");

    @Test
    void aChangeReachesTheEngineOnceTheTtlHasPassed() {
        store.put(flow);
        var cached = new CachedFlowStore(store, clock, TTL);
        assertThat(cached.find(flow.id())).contains(flow);
        assertThat(cached.enabledFlows()).containsExactly(flow);

        store.delete(flow.id());
        clock.advance(TTL.minusMillis(1));
        assertThat(cached.find(flow.id())).contains(flow);
        assertThat(cached.enabledFlows()).containsExactly(flow);

        clock.advance(Duration.ofMillis(1));
        assertThat(cached.find(flow.id())).isEmpty();
        assertThat(cached.enabledFlows()).isEmpty();
    }

    @Test
    void loadingTheEnabledFlowsAnswersTheirFinds() {
        store.put(flow);
        var counting = new CountingStore(store);
        var cached = new CachedFlowStore(counting, clock, TTL);
        cached.enabledFlows();
        cached.find(flow.id());
        cached.find(flow.id());
        assertThat(counting.finds.get()).isZero();
    }

    @Test
    void aZeroTtlReadsTheStoreEachTime() {
        store.put(flow);
        var cached = new CachedFlowStore(store, clock, Duration.ZERO);
        cached.enabledFlows();
        store.delete(flow.id());
        assertThat(cached.find(flow.id())).isEmpty();
        assertThat(cached.enabledFlows()).isEmpty();
    }

    @Test
    void aSaveOrDeleteThroughTheCacheIsSeenAtOnce() {
        store.put(flow);
        var cached = new CachedFlowStore(store, clock, TTL);
        cached.enabledFlows();

        Flow saved = cached.save(flow);
        assertThat(cached.find(flow.id())).contains(saved);
        assertThat(cached.enabledFlows()).containsExactly(saved);

        cached.delete(flow.id());
        assertThat(cached.find(flow.id())).isEmpty();
        assertThat(cached.enabledFlows()).isEmpty();
    }

    private record CountingStore(FlowStore store, AtomicInteger finds) implements FlowStore {
        CountingStore(FlowStore store) {
            this(store, new AtomicInteger());
        }

        @Override
        public Optional<Flow> find(String flowId) {
            finds.incrementAndGet();
            return store.find(flowId);
        }

        @Override
        public Collection<Flow> enabledFlows() {
            return store.enabledFlows();
        }

        @Override
        public Page<Flow> page(String after, int limit) {
            return store.page(after, limit);
        }

        @Override
        public Flow save(Flow flow) {
            return store.save(flow);
        }

        @Override
        public Optional<Flow> revision(String flowId, String revisionId) {
            return store.revision(flowId, revisionId);
        }

        @Override
        public void delete(String flowId) {
            store.delete(flowId);
        }
    }
}
