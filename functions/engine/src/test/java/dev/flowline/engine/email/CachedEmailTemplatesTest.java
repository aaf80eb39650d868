package dev.flowline.engine.email;

import dev.flowline.engine.simulation.InMemoryEmailTemplates;
import dev.flowline.engine.simulation.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CachedEmailTemplatesTest {

    private static final Duration TTL = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
    private final InMemoryEmailTemplates store = new InMemoryEmailTemplates();
    private final EmailTemplate welcome = new EmailTemplate("welcome", "Welcome", null, "Hello", T0, T0);
    private final EmailTemplate edited = new EmailTemplate("welcome", "Welcome!", null, "Hello", T0, T0.plusSeconds(1));

    @Test
    void anEditElsewhereReachesTheEmailsOnceTheTtlHasPassed() {
        store.put(welcome);
        var cached = new CachedEmailTemplates(store, clock, TTL);
        assertThat(cached.template("welcome")).contains(welcome);

        store.put(edited);
        clock.advance(TTL.minusMillis(1));
        assertThat(cached.template("welcome")).contains(welcome);
        clock.advance(Duration.ofMillis(1));
        assertThat(cached.template("welcome")).contains(edited);

        store.delete("welcome");
        assertThat(cached.template("welcome")).contains(edited);
        clock.advance(TTL);
        assertThat(cached.template("welcome")).isEmpty();
    }

    @Test
    void anEditThroughItIsReadAtOnce() {
        var cached = new CachedEmailTemplates(store, clock, TTL);
        assertThat(cached.template("welcome")).isEmpty();

        cached.put(welcome);
        assertThat(cached.template("welcome")).contains(welcome);
        assertThat(cached.delete("welcome")).isTrue();
        assertThat(cached.template("welcome")).isEmpty();
        assertThat(cached.delete("welcome")).as("nothing left to delete").isFalse();
        assertThat(cached.templates(null, 10).items()).isEmpty();
    }

    @Test
    void aZeroTtlReadsTheStoreEachTime() {
        store.put(welcome);
        var cached = new CachedEmailTemplates(store, clock, Duration.ZERO);
        cached.template("welcome");
        store.put(edited);
        assertThat(cached.template("welcome")).contains(edited);
    }
}
