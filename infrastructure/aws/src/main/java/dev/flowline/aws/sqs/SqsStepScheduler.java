package dev.flowline.aws.sqs;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.eventbridge.CauseChain;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.aws.scheduler.WakeUpScheduler;
import dev.flowline.engine.enrolment.StepMessage;
import dev.flowline.engine.enrolment.StepScheduler;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Puts steps on the step queue: a step due within {@link #MAX_QUEUE_DELAY} goes there at once with an SQS
 * delivery delay; a later one is handed to the {@link WakeUpScheduler}, since SQS delays stop at 15 minutes.
 * Each message names the account whose steps this scheduler schedules.
 */
public final class SqsStepScheduler implements StepScheduler {

    /** The AWS calls it makes: SendMessageBatch is allowed by sqs:SendMessage. */
    public static final Permissions PERMISSIONS = Permissions.on("StepQueue", "sqs:SendMessage");

    static final Duration MAX_QUEUE_DELAY = Duration.ofMinutes(15);
    /** The most steps {@link #scheduleBatch} takes. */
    public static final int BATCH_SIZE = MessageBatches.BATCH_SIZE;

    private final SqsClient sqs;
    private final Account account;
    private final String queueUrl;
    private final WakeUpScheduler wakeUps;
    private final Clock clock;
    private final long maxQueueDelaySeconds;

    public SqsStepScheduler(SqsClient sqs, Account account, String queueUrl, WakeUpScheduler wakeUps, Clock clock) {
        this(sqs, account, queueUrl, wakeUps, clock, MAX_QUEUE_DELAY);
    }

    /** @param maxQueueDelay the longest a step waits on the queue, at most {@link #MAX_QUEUE_DELAY} */
    public SqsStepScheduler(SqsClient sqs, Account account, String queueUrl, WakeUpScheduler wakeUps, Clock clock,
                            Duration maxQueueDelay) {
        this.sqs = sqs;
        this.account = account;
        this.queueUrl = queueUrl;
        this.wakeUps = wakeUps;
        this.clock = clock;
        this.maxQueueDelaySeconds = Math.min(maxQueueDelay.toSeconds(), MAX_QUEUE_DELAY.toSeconds());
    }

    @Override
    public void schedule(StepMessage step, Instant dueAt) {
        scheduleAll(List.of(new DueStep(step, dueAt)));
    }

    @Override
    public void scheduleNow(List<StepMessage> steps) {
        scheduleAll(steps.stream().map(step -> new DueStep(step, null)).toList());
    }

    /** Schedules several steps, sending those for the queue ten to a request. */
    public void scheduleAll(Collection<DueStep> steps) {
        Instant now = clock.instant();
        List<String> causes = CauseChain.current();
        var entries = new ArrayList<SendMessageBatchRequestEntry>();
        for (DueStep due : steps) {
            entry(due, now, causes).ifPresent(entries::add);
        }
        MessageBatches.send(sqs, queueUrl, entries, "steps", "the step queue");
    }

    /**
     * Schedules at most {@value #BATCH_SIZE} steps, those for the queue in one request, and gives
     * back the ones the queue refused, to be sent again: unlike {@link #scheduleAll}, a partly refused request is
     * no error.
     */
    public List<DueStep> scheduleBatch(List<DueStep> steps) {
        Instant now = clock.instant();
        List<String> causes = CauseChain.current();
        var queued = new ArrayList<DueStep>();
        var entries = new ArrayList<SendMessageBatchRequestEntry>();
        for (DueStep due : steps) {
            entry(due, now, causes).ifPresent(entry -> {
                queued.add(due);
                entries.add(entry);
            });
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        return MessageBatches.sendBatch(sqs, queueUrl, entries).stream()
                .map(refused -> queued.get(Integer.parseInt(refused.id()))).toList();
    }

    /** The step's message, or none when it is due too late for the queue and a wake-up has been asked for. */
    private Optional<SendMessageBatchRequestEntry> entry(DueStep due, Instant now, List<String> causes) {
        long delay = delaySeconds(now, due.dueAt());
        if (delay > maxQueueDelaySeconds) {
            wakeUps.wakeUpAt(due.dueAt());
            return Optional.empty();
        }
        return Optional.of(SendMessageBatchRequestEntry.builder()
                .messageBody(new QueuedStep(account, due.step(), causes).toJson())
                .delaySeconds((int) delay)
                .build());
    }

    /** Whole seconds until {@code dueAt}, rounded up so a step never runs early; 0 when due now or past. */
    static long delaySeconds(Instant now, Instant dueAt) {
        if (dueAt == null || !dueAt.isAfter(now)) {
            return 0;
        }
        Duration wait = Duration.between(now, dueAt);
        return wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    }
}
