package dev.flowline.engine.definition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers kept in memory by key for {@code ttl} on the clock, as the cached stores of definitions keep them; a zero
 * {@code ttl} keeps nothing.
 */
public final class KeptForTtl<K, V> {

    private record Kept<V>(V value, Instant until) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<K, Kept<V>> byKey = new ConcurrentHashMap<>();

    public KeptForTtl(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The answer kept for {@code key}, or {@code load}'s, kept from now on. */
    public V get(K key, Function<K, V> load) {
        if (ttl.isZero()) {
            return load.apply(key);
        }
        Instant now = clock.instant();
        Kept<V> kept = byKey.get(key);
        if (kept == null || !now.isBefore(kept.until())) {
            kept = new Kept<>(load.apply(key), now.plus(ttl));
            byKey.put(key, kept);
        }
        return kept.value();
    }

    /** Keeps {@code value} for {@code key} until {@code until}. */
    void keep(K key, V value, Instant until) {
        byKey.put(key, new Kept<>(value, until));
    }

    /** Forgets the answers kept past their time. */
    void forgetExpired() {
        Instant now = clock.instant();
        byKey.values().removeIf(kept -> !now.isBefore(kept.until()));
    }

    public void forget(K key) {
        byKey.remove(key);
    }
}
