package dev.flowline.local;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.scheduler.RecurringRunInput;
import dev.flowline.engine.activation.RecurringRun;
import dev.flowline.engine.activation.RecurringRuns;
import dev.flowline.engine.enrolment.EnrolmentSchedules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Flows' recurring schedules, kept in memory: each fires at its due times on the runtime's clock (the development
 * clock, if on), as {@link RecurringRunInput} handed to the delay waker, as EventBridge Scheduler does. A run
 * missed while the clock jumped fires for each due time it passed, in order, so a time sweep covers every interval
 * and a schedule makes each run. An enrolment schedule is due at its times of day in the account's time zone, a
 * time sweep every sweep interval from when it was put.
 */
final class LocalRecurringRuns implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalRecurringRuns.class.getName());

    private record Key(Account account, String flowId, RecurringRun.Kind kind) {
    }

    private record Due(RecurringRun run, Instant at) {
    }

    private final Clock clock;
    private final ZoneId timeZone;
    private final Duration sweepInterval;
    private final Map<Key, Due> runs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("recurring-runs").daemon().factory());

    LocalRecurringRuns(Clock clock, ZoneId timeZone, Duration sweepInterval) {
        this.clock = clock;
        this.timeZone = timeZone;
        this.sweepInterval = sweepInterval;
    }

    /** The recurring runs of one account's flows. */
    RecurringRuns of(Account account) {
        return new RecurringRuns() {
            @Override
            public void put(RecurringRun run) {
                Key key = new Key(account, run.flowId(), run.kind());
                Due current = runs.get(key);
                if (current != null && current.run().equals(run)) {
                    return; // unchanged: keeps its due time
                }
                next(run, clock.instant()).ifPresentOrElse(at -> runs.put(key, new Due(run, at)),
                        () -> runs.remove(key));
            }

            @Override
            public void remove(String flowId, RecurringRun.Kind kind) {
                runs.remove(new Key(account, flowId, kind));
            }
        };
    }

    /** Starts firing due runs at {@code waker}, checking the clock every {@code tickMillis}. */
    void start(Consumer<RecurringRunInput> waker, long tickMillis) {
        ticker.scheduleWithFixedDelay(() -> fireDue(waker), 0, tickMillis, TimeUnit.MILLISECONDS);
    }

    private void fireDue(Consumer<RecurringRunInput> waker) {
        Instant now = clock.instant();
        runs.forEach((key, due) -> {
            for (Due next = due; next != null && !next.at().isAfter(now); next = runs.get(key)) {
                try {
                    waker.accept(new RecurringRunInput(key.account(), key.flowId(), key.kind(), next.at()));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "the " + key.kind() + " of flow " + key.flowId()
                            + " due at " + next.at() + " failed; retrying", e);
                    return;
                }
                Due fired = next;
                Optional<Instant> after = next(fired.run(), fired.at());
                runs.computeIfPresent(key, (k, current) -> current != fired ? current
                        : after.map(at -> new Due(fired.run(), at)).orElse(null));
            }
        });
    }

    private Optional<Instant> next(RecurringRun run, Instant after) {
        return switch (run.kind()) {
            case ENROLMENT_SCHEDULE -> EnrolmentSchedules.nextRun(run.schedule(), after, timeZone);
            case TIME_SWEEP -> Optional.of(after.plus(sweepInterval));
        };
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
