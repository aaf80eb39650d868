package dev.flowline.aws;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.DueEnrolments;
import dev.flowline.aws.sqs.QueuedStep;
import dev.flowline.aws.sqs.SqsStepScheduler;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class DueStepDrainTest {

    private static final Instant MINUTE = Instant.parse("2026-11-23T10:15:00Z");
    private static final Account FIRST = new Account("a1");
    private static final Account SECOND = new Account("a2");
    /** Small pages, so that every shard has several. */
    private static final int PAGE = 5;

    @Test
    void everyEnrolmentDueInTheMinuteIsQueuedOnceWithItsAccountAndSequence(EmbeddedAws.Environment aws) {
        List<QueuedStep> due = new ArrayList<>(fill(aws, FIRST, 300));
        due.addAll(fill(aws, SECOND, 50));
        fillOtherMinute(aws);

        DueStepDrain.Result result = drain(aws, aws.sqs()).drain(MINUTE, () -> false);

        assertThat(result).isEqualTo(new DueStepDrain.Result(350, 0, false));
        assertThat(result.complete()).isTrue();
        assertThat(queued(aws)).containsExactlyInAnyOrderElementsOf(due);
    }

    @Test
    void stepsTheQueueRefusesAreSentAgainUntilItTakesThem(EmbeddedAws.Environment aws) {
        List<QueuedStep> due = fill(aws, FIRST, 200);
        var refused = new HashSet<String>();
        // the queue refuses 15 steps once each, as SQS may under strain
        SqsClient refusing = refusing(aws.sqs(), entry -> {
            synchronized (refused) {
                return refused.size() < 15 && refused.add(entry.messageBody());
            }
        });

        DueStepDrain.Result result = drain(aws, refusing).drain(MINUTE, () -> false);

        assertThat(refused).hasSize(15);
        assertThat(result).isEqualTo(new DueStepDrain.Result(200, 0, false));
        assertThat(queued(aws)).containsExactlyInAnyOrderElementsOf(due);
    }

    @Test
    void aStepTheQueueKeepsRefusingStaysDueAndTheNextDrainQueuesIt(EmbeddedAws.Environment aws) {
        List<QueuedStep> due = fill(aws, FIRST, 100);
        String refused = due.get(42).toJson();
        SqsClient refusing = refusing(aws.sqs(), entry -> entry.messageBody().equals(refused));

        DueStepDrain.Result first = drain(aws, refusing).drain(MINUTE, () -> false);

        assertThat(first).isEqualTo(new DueStepDrain.Result(99, 1, false));
        assertThat(first.complete()).isFalse();
        assertThat(queued(aws)).hasSize(99).doesNotContain(due.get(42));

        DueStepDrain.Result next = drain(aws, aws.sqs()).drain(MINUTE, () -> false);

        assertThat(next.complete()).isTrue();
        assertThat(queued(aws)).containsExactlyInAnyOrderElementsOf(due);
    }

    @Test
    void aDrainToldToStopReadsNoMorePagesAndTheNextDrainQueuesTheRest(EmbeddedAws.Environment aws) {
        List<QueuedStep> due = fill(aws, FIRST, 400);
        var checks = new AtomicInteger();

        // the deadline comes after 8 pages, one per shard or not, out of about 80
        DueStepDrain.Result stopped = drain(aws, aws.sqs()).drain(MINUTE, () -> checks.incrementAndGet() > 8);

        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.queued()).isEqualTo(8 * PAGE);
        List<QueuedStep> first = queued(aws);
        assertThat(first).hasSize(8 * PAGE).doesNotHaveDuplicates();

        DueStepDrain.Result rest = drain(aws, aws.sqs()).drain(MINUTE, () -> false);

        // the retry queues every step still due, those queued before included: their runs skip the copies
        assertThat(rest).isEqualTo(new DueStepDrain.Result(400, 0, false));
        assertThat(queued(aws)).containsExactlyInAnyOrderElementsOf(due);
    }

    /** {@code count} enrolments of {@code account} due in the minute, written straight into the index. */
    private static List<QueuedStep> fill(EmbeddedAws.Environment aws, Account account, int count) {
        List<Enrolment> enrolments = IntStream.range(0, count).mapToObj(i ->
                Enrolment.start("f1", "c" + i, 1, EnrolmentSource.TRIGGER, "1", MINUTE.minusSeconds(86_400))
                        .advance("2", MINUTE.plusSeconds(i % 60))).toList();
        dueEnrolments(aws).write(account, enrolments);
        return enrolments.stream().map(e -> new QueuedStep(account, e.nextStep(), List.of())).toList();
    }

    /** Enrolments due in the next minute, which a drain of this one leaves alone. */
    private static void fillOtherMinute(EmbeddedAws.Environment aws) {
        dueEnrolments(aws).write(FIRST, IntStream.range(0, 20).mapToObj(i ->
                Enrolment.start("f2", "c" + i, 1, EnrolmentSource.TRIGGER, "1", MINUTE)
                        .advance("2", MINUTE.plusSeconds(60 + i))).toList());
    }

    private static DueEnrolments dueEnrolments(EmbeddedAws.Environment aws) {
        return new DueEnrolments(aws.clients().dynamoDb(), aws.config().tables(), PAGE);
    }

    private static DueStepDrain drain(EmbeddedAws.Environment aws, SqsClient sqs) {
        // late in the minute: every step is due, none waits on the queue
        Clock clock = Clock.fixed(MINUTE.plusSeconds(60), ZoneOffset.UTC);
        return new DueStepDrain(dueEnrolments(aws), account -> new SqsStepScheduler(sqs, account,
                aws.config().stepQueueUrl(), dueAt -> {
                    throw new AssertionError("a step due in the minute needs no wake-up");
                }, clock));
    }

    /** What is on the step queue, taken off it. */
    private static List<QueuedStep> queued(EmbeddedAws.Environment aws) {
        return aws.drain(aws.config().stepQueueUrl()).stream()
                .map(message -> QueuedStep.parse(message.body(), aws.config().defaultAccount())).toList();
    }

    /** {@code sqs}, whose SendMessageBatch refuses the entries {@code refuse} picks (and sends the others). */
    private static SqsClient refusing(SqsClient sqs, Predicate<SendMessageBatchRequestEntry> refuse) {
        return new SqsClient() {
            @Override
            public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
                var refused = request.entries().stream().filter(refuse).toList();
                var sent = request.entries().stream().filter(entry -> !refused.contains(entry)).toList();
                var response = sent.isEmpty() ? SendMessageBatchResponse.builder().build()
                        : sqs.sendMessageBatch(request.toBuilder().entries(sent).build());
                return response.toBuilder().failed(refused.stream().map(entry -> BatchResultErrorEntry.builder()
                        .id(entry.id()).code("InternalError").message("try again").senderFault(false).build())
                        .toList()).build();
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
    }
}
