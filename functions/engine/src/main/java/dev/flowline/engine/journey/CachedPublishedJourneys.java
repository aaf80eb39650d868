package dev.flowline.engine.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A journey store whose published journeys are kept in memory for {@code ttl} on the clock: every contact change
 * reads them, so a publish reaches the router within {@code ttl}. Everything else reads the store; a zero
 * {@code ttl} keeps nothing.
 */
public final class CachedPublishedJourneys implements JourneyStore {

    private record Kept(List<Journey> journeys, Instant until) {
    }

    private final JourneyStore store;
    private final Clock clock;
    private final Duration ttl;
    private volatile Kept published;

    public CachedPublishedJourneys(JourneyStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Collection<Journey> published() {
        if (ttl.isZero()) {
            return store.published();
        }
        Instant now = clock.instant();
        Kept kept = published;
        if (kept == null || !now.isBefore(kept.until())) {
            kept = new Kept(List.copyOf(store.published()), now.plus(ttl));
            published = kept;
        }
        return kept.journeys();
    }

    @Override
    public Optional<Journey> find(String journeyId) {
        return store.find(journeyId);
    }

    @Override
    public Collection<Journey> all() {
        return store.all();
    }

    @Override
    public void save(Journey journey) {
        store.save(journey);
    }

    @Override
    public void delete(String journeyId) {
        store.delete(journeyId);
    }
}
