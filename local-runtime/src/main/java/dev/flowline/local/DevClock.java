package dev.flowline.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local runtime's development clock: real time plus an offset that only grows, moved forward through
 * {@code POST /_flowline/clock/advance}, so that a demo or an acceptance test passes a long delay in seconds.
 * Delays, wake-ups and time windows all read it, since the engine is built with it.
 */
public final class DevClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public DevClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private DevClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves the clock forward; time never goes back. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward: " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** How far ahead of real time the clock is. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** The same moving clock seen in another zone: both share one offset. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new DevClock(base.withZone(zone), offset);
    }
}
