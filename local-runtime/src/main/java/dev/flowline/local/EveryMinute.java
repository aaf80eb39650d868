package dev.flowline.local;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A recurring {@code rate(1 minute)} schedule on the runtime's clock (the development clock, if on): runs its target
 * each time the clock has entered a later minute than at its last run, once for a jump of several minutes, as a late
 * recurring schedule fires once. A run that fails is tried again at the next tick.
 */
final class EveryMinute implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EveryMinute.class.getName());

    private final Clock clock;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("every-minute").daemon().factory());
    private Instant lastRun;

    EveryMinute(Clock clock) {
        this.clock = clock;
    }

    /** Starts running {@code target}, looking at the clock every {@code tickMillis}. */
    void start(Runnable target, long tickMillis) {
        ticker.scheduleWithFixedDelay(() -> runIfNewMinute(target), 0, tickMillis, TimeUnit.MILLISECONDS);
    }

    private void runIfNewMinute(Runnable target) {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (minute.equals(lastRun)) {
            return;
        }
        try {
            target.run();
            lastRun = minute;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the run of minute " + minute + " failed; retrying", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
