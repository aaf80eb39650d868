package dev.flowline.local;

import dev.flowline.aws.scheduler.WakeUp;
import dev.flowline.aws.scheduler.WakeUpScheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * EventBridge Scheduler's one-time schedules, kept in memory: when the clock (the development clock, if on)
 * passes a requested instant, the wake-up of its minute fires, as {@code {"dueMinute":...}} handed to the delay
 * waker. An instant is kept rather than only its minute, so that steps due later in a minute that has already
 * fired are woken again when their time comes, even when no queue delay covers the rest of the minute.
 * <p>
 * With a {@link FaultPlan}, a wake-up may fire twice, or {@link #LATENESS} late: the clock must then pass its
 * late instant, and it still names its own minute, as a late schedule's payload does.
 */
final class LocalWakeUps implements WakeUpScheduler, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalWakeUps.class.getName());

    static final Duration LATENESS = Duration.ofMinutes(3);

    private final Clock clock;
    private final FaultPlan faults;
    private final NavigableSet<Instant> pending = new ConcurrentSkipListSet<>();
    private final Map<WakeUp, Instant> late = new ConcurrentHashMap<>();
    private volatile boolean firing;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("wake-ups").daemon().factory());

    LocalWakeUps(Clock clock, FaultPlan faults) {
        this.clock = clock;
        this.faults = faults;
    }

    @Override
    public void wakeUpAt(Instant dueAt) {
        pending.add(dueAt);
    }

    /** Starts firing due wake-ups at {@code waker}, checking the clock every {@code tickMillis}. */
    void start(Consumer<WakeUp> waker, long tickMillis) {
        ticker.scheduleWithFixedDelay(() -> fireDue(waker), 0, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** True when no wake-up waits and none is firing. */
    boolean idle() {
        return pending.isEmpty() && late.isEmpty() && !firing;
    }

    /** Fires every wake-up the clock has passed, one call per minute. */
    void fireDue(Consumer<WakeUp> waker) {
        firing = true;
        try {
            fire(waker, clock.instant());
        } finally {
            firing = false;
        }
    }

    private void fire(Consumer<WakeUp> waker, Instant now) {
        var minutes = new LinkedHashSet<WakeUp>();
        for (Instant due = pending.pollFirst(); due != null; due = pending.pollFirst()) {
            if (due.isAfter(now)) {
                pending.add(due);
                break;
            }
            WakeUp wakeUp = new WakeUp(due);
            if (!late.containsKey(wakeUp) && faults.inject(FaultPlan.Kind.SCHEDULE_LATE)) {
                late.put(wakeUp, now.plus(LATENESS));
            } else {
                minutes.add(wakeUp);
            }
        }
        late.forEach((wakeUp, firesAt) -> {
            if (!firesAt.isAfter(now) && late.remove(wakeUp, firesAt)) {
                minutes.add(wakeUp);
            }
        });
        for (WakeUp wakeUp : minutes) {
            int times = faults.inject(FaultPlan.Kind.SCHEDULE_DUPLICATE) ? 2 : 1;
            for (int time = 0; time < times; time++) {
                try {
                    waker.accept(wakeUp);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "the wake-up " + wakeUp.toJson() + " failed; retrying", e);
                    pending.add(wakeUp.dueMinute());
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
