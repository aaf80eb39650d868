package dev.flowline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local runtime's development clock: real time plus an offset that only grows, moved forward through
 * {@code POST /_flowline/clock/advance}, so that a demo or an acceptance test passes a long delay in seconds.
 * Delays, wake-ups and time windows all read it, since the engine is built with it.
 * <p>
 * One move is at most {@link #MAX_ADVANCE}, and the clock never passes {@link #LIMIT}: dates far beyond it
 * (an offset of {@code Long.MAX_VALUE} seconds) cannot be represented, and every reading of the clock would fail.
 * With a data folder, the offset is kept in a file ({@link #restored}), so that time does not go back when the
 * runtime starts again on the data it wrote.
 */
public final class DevClock extends Clock {

    /** The longest single move: ten years (3,653 days). */
    public static final Duration MAX_ADVANCE = Duration.ofDays(3653);
    /** The clock is never moved past this instant. */
    public static final Instant LIMIT = Instant.parse("9000-01-01T00:00:00Z");

    private final Clock base;
    private final AtomicReference<Duration> offset;
    /** Where the offset is kept, or null. */
    private final Path store;

    public DevClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO), null);
    }

    private DevClock(Clock base, AtomicReference<Duration> offset, Path store) {
        this.base = base;
        this.offset = offset;
        this.store = store;
    }

    /**
     * The clock whose offset is kept in {@code store}: read from it when it exists (the runtime moved it before
     * it stopped), written to it on every move.
     */
    public static DevClock restored(Clock base, Path store) {
        Duration offset = Duration.ZERO;
        if (Files.exists(store)) {
            try {
                offset = Duration.parse(Files.readString(store, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("the development clock's offset cannot be read from " + store, e);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("the development clock's offset in " + store + " is not a duration",
                        e);
            }
            if (offset.isNegative() || beyondLimit(base, offset)) {
                throw new IllegalStateException("the development clock's offset in " + store + " is out of range: "
                        + offset);
            }
        }
        return new DevClock(base, new AtomicReference<>(offset), store);
    }

    /**
     * Moves the clock forward; time never goes back.
     *
     * @throws IllegalArgumentException when {@code by} is negative, longer than {@link #MAX_ADVANCE}, or would take
     *                                  the clock past {@link #LIMIT}; the clock is then left as it was
     */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward: " + by);
        }
        if (by.compareTo(MAX_ADVANCE) > 0) {
            throw new IllegalArgumentException("the clock moves at most " + MAX_ADVANCE.toSeconds()
                    + " seconds (ten years) at a time: " + by.toSeconds());
        }
        synchronized (offset) {
            Duration moved = offset.get().plus(by);
            if (beyondLimit(base, moved)) {
                throw new IllegalArgumentException("the clock would pass " + LIMIT);
            }
            if (store != null) {
                save(moved);
            }
            offset.set(moved);
        }
        return instant();
    }

    /** True when real time plus {@code offset} is past {@link #LIMIT} (compared without adding: no overflow). */
    private static boolean beyondLimit(Clock base, Duration offset) {
        return offset.compareTo(Duration.between(base.instant(), LIMIT)) > 0;
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
        return new DevClock(base.withZone(zone), offset, store);
    }

    /** Written beside, then moved over the old file: a crash leaves one offset or the other, never half of one. */
    private void save(Duration moved) {
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            Path written = store.resolveSibling(store.getFileName() + ".new");
            Files.writeString(written, moved.toString() + "\n", StandardCharsets.UTF_8);
            Files.move(written, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the development clock's offset cannot be kept in " + store, e);
        }
    }
}
