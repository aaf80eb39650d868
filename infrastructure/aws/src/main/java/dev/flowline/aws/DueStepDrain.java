package dev.flowline.aws;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.DueEnrolments;
import dev.flowline.aws.sqs.DueStep;
import dev.flowline.aws.sqs.SqsStepScheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Puts the next step of every enrolment due in a minute on the step queue, fast enough for a crowded minute: the
 * minute's {@value DueEnrolments#SHARDS} shards of the due index are read at once, a page at a time, and each
 * page's steps are sent ten to a request, up to {@value #SENDS_IN_FLIGHT} requests at once over all shards, while
 * the shard's next page is read.
 * <p>
 * Nothing due is lost: an enrolment stays in the due index until its step runs, so a step this drain could not
 * queue (refused by the queue {@value #ATTEMPTS} times, in a request that failed, or in a page left unread when the
 * drain was told to stop) is still due for the next drain of the minute, which an incomplete {@link Result} asks
 * for. Queueing a step twice is harmless: the step runner runs only the step whose sequence its enrolment expects.
 */
public final class DueStepDrain {

    /** SendMessageBatch requests in flight at once. */
    public static final int SENDS_IN_FLIGHT = 32;
    /** The drain's threads are named with this prefix. */
    public static final String THREAD_PREFIX = "due-steps-";
    /** Sends of a step the queue refuses before it is left due. */
    static final int ATTEMPTS = 3;
    private static final String MAX_CONNECTIONS = "http.maxConnections";
    private static final System.Logger LOG = System.getLogger(DueStepDrain.class.getName());

    /**
     * What a drain did: steps queued, steps it failed to queue, and whether it stopped before reading every page
     * (leaving an unknown number due).
     */
    public record Result(long queued, long leftDue, boolean stopped) {

        static final Result NONE = new Result(0, 0, false);

        /** Every step due in the minute was queued: the minute needs no other drain. */
        public boolean complete() {
            return leftDue == 0 && !stopped;
        }

        Result plus(Result other) {
            return new Result(queued + other.queued, leftDue + other.leftDue, stopped || other.stopped);
        }
    }

    private final DueEnrolments due;
    private final Function<Account, SqsStepScheduler> schedulers;
    // kept for the life of the function instance: threads started once, not at each wake-up
    private final ExecutorService readers = Executors.newFixedThreadPool(DueEnrolments.SHARDS,
            Thread.ofPlatform().daemon().name(THREAD_PREFIX + "read-", 0).factory());
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDS_IN_FLIGHT,
            Thread.ofPlatform().daemon().name(THREAD_PREFIX + "send-", 0).factory());

    /**
     * Lets the JDK's HTTP client, which the SDK's url-connection client uses, keep a connection alive for each
     * request in flight (5 per host by default, so most requests would open a connection, with its TLS handshake).
     * The JDK reads the setting once, when it first keeps a connection: call this before any request.
     */
    public static void keepConnectionsAlive() {
        int needed = SENDS_IN_FLIGHT + DueEnrolments.SHARDS;
        if (Integer.getInteger(MAX_CONNECTIONS, 0) < needed) {
            System.setProperty(MAX_CONNECTIONS, String.valueOf(needed));
        }
    }

    /** @param schedulers the step scheduler of each account, which names the account in its messages */
    public DueStepDrain(DueEnrolments due, Function<Account, SqsStepScheduler> schedulers) {
        this.due = due;
        this.schedulers = schedulers;
    }

    /**
     * Queues the steps due in {@code minute}'s minute. {@code stop} is asked before each page is read: once it
     * answers true, no more pages are read, and the pages read are still sent.
     *
     * @throws IllegalStateException when a shard could not be read (the steps queued so far stay queued)
     */
    public Result drain(Instant minute, BooleanSupplier stop) {
        var shards = new ArrayList<Future<Result>>();
        for (int shard = 0; shard < DueEnrolments.SHARDS; shard++) {
            int read = shard;
            shards.add(readers.submit(() -> drainShard(minute, read, stop)));
        }
        Result total = Result.NONE;
        RuntimeException failed = null;
        for (Future<Result> shard : shards) {
            try {
                total = total.plus(join(shard));
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = new IllegalStateException("a shard of the due index for " + minute
                            + " could not be read", e);
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return total;
    }

    /** Reads the shard's pages one after another, sending each while the next is read. */
    private Result drainShard(Instant minute, int shard, BooleanSupplier stop) {
        Iterator<List<DueEnrolments.Due>> pages = due.pages(minute, shard).iterator();
        Result done = Result.NONE;
        List<Future<Result>> sending = List.of();
        try {
            while (true) {
                if (stop.getAsBoolean()) {
                    done = done.plus(new Result(0, 0, true));
                    break;
                }
                if (!pages.hasNext()) {
                    break;
                }
                List<DueEnrolments.Due> page = pages.next();
                done = done.plus(joinAll(sending));
                sending = send(page);
            }
        } finally {
            done = done.plus(joinAll(sending));
        }
        return done;
    }

    /** Hands the page's steps to the senders, ten of one account to a request. */
    private List<Future<Result>> send(List<DueEnrolments.Due> page) {
        var byAccount = new LinkedHashMap<Account, List<DueStep>>();
        for (DueEnrolments.Due next : page) {
            byAccount.computeIfAbsent(next.account(), account -> new ArrayList<>())
                    .add(new DueStep(next.step(), next.dueAt()));
        }
        var sending = new ArrayList<Future<Result>>();
        byAccount.forEach((account, steps) -> {
            SqsStepScheduler scheduler = schedulers.apply(account);
            for (int from = 0; from < steps.size(); from += SqsStepScheduler.BATCH_SIZE) {
                List<DueStep> batch = steps.subList(from, Math.min(from + SqsStepScheduler.BATCH_SIZE, steps.size()));
                sending.add(senders.submit(() -> sendBatch(scheduler, batch)));
            }
        });
        return sending;
    }

    /** Sends a batch, and again the steps the queue refused; what is still refused, or failed, is left due. */
    private static Result sendBatch(SqsStepScheduler scheduler, List<DueStep> batch) {
        List<DueStep> left = batch;
        try {
            for (int attempt = 0; attempt < ATTEMPTS && !left.isEmpty(); attempt++) {
                left = scheduler.scheduleBatch(left);
            }
            if (!left.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "the step queue refused {0} steps {1} times; they stay due",
                        left.size(), ATTEMPTS);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "sending " + left.size() + " steps failed; they stay due", e);
        }
        return new Result(batch.size() - left.size(), left.size(), false);
    }

    private static Result joinAll(List<Future<Result>> sends) {
        Result done = Result.NONE;
        for (Future<Result> send : sends) {
            done = done.plus(join(send));
        }
        return done;
    }

    private static Result join(Future<Result> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining due steps", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
