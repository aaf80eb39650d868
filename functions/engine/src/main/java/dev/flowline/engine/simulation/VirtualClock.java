package dev.flowline.engine.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that only moves when told to: simulations and tests pass days in microseconds. */
public final class VirtualClock extends Clock {

    private Instant now;
    private final ZoneId zone;

    public VirtualClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new VirtualClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves to {@code instant}; time never goes back. */
    public void moveTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    public void advance(Duration duration) {
        moveTo(now.plus(duration));
    }
}
