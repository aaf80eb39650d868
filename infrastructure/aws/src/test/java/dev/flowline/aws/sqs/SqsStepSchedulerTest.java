package dev.flowline.aws.sqs;

import dev.flowline.aws.eventbridge.CauseChain;
import dev.flowline.engine.enrolment.StepMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SqsStepSchedulerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static ElasticMq elasticMq;
    private static SqsClient sqs;

    private final List<Instant> wakeUps = new ArrayList<>();
    private String queueUrl;
    private SqsStepScheduler scheduler;

    @BeforeAll
    static void startElasticMq() {
        elasticMq = ElasticMq.start();
        sqs = elasticMq.clients().sqs();
    }

    @AfterAll
    static void stopElasticMq() {
        sqs.close();
        elasticMq.close();
    }

    @BeforeEach
    void createQueue(TestInfo test) {
        queueUrl = sqs.createQueue(q -> q.queueName(test.getTestMethod().orElseThrow().getName())).queueUrl();
        scheduler = new SqsStepScheduler(sqs, new dev.flowline.aws.accounts.Account("a1"), queueUrl, wakeUps::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aStepDueNowGoesOnTheQueueAsAccountEnrolmentIdAndSequence() {
        scheduler.schedule(new StepMessage("flow-1:contact-1:1", 3), null);

        assertThat(receiveAll(1)).containsExactly("{\"account\":\"a1\",\"enrolmentId\":\"flow-1:contact-1:1\",\"sequence\":3}");
        assertThat(wakeUps).isEmpty();
    }

    @Test
    void aStepDueWithinFifteenMinutesWaitsOnTheQueue() {
        scheduler.schedule(new StepMessage("e", 1), NOW.plus(Duration.ofMinutes(15)));

        assertThat(attribute(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).isEqualTo(1);
        assertThat(attribute(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isZero();
        assertThat(wakeUps).isEmpty();
    }

    @Test
    void aStepDueLaterThanFifteenMinutesIsLeftToAWakeUp() {
        Instant due = NOW.plus(Duration.ofMinutes(15)).plusMillis(1);

        scheduler.schedule(new StepMessage("e", 1), due);

        assertThat(wakeUps).containsExactly(due);
        assertThat(attribute(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).isZero();
    }

    @Test
    void theQueueDelayIsRoundedUpToWholeSecondsSoAStepNeverRunsEarly() {
        assertThat(SqsStepScheduler.delaySeconds(NOW, NOW.plusMillis(1200))).isEqualTo(2);
        assertThat(SqsStepScheduler.delaySeconds(NOW, NOW.plusSeconds(30))).isEqualTo(30);
        assertThat(SqsStepScheduler.delaySeconds(NOW, NOW.minusSeconds(30))).isZero();
        assertThat(SqsStepScheduler.delaySeconds(NOW, null)).isZero();
    }

    @Test
    void manyStepsAreSentInBatchesOfTen() {
        var steps = IntStream.range(0, 25).mapToObj(i -> new DueStep(new StepMessage("e-" + i, 0), null)).toList();

        scheduler.scheduleAll(steps);

        assertThat(receiveAll(25)).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void aStepCarriesTheCauseChainItWasScheduledUnder() {
        try (var chain = CauseChain.open(List.of("crm-event-1"), "enrolled-1")) {
            scheduler.schedule(new StepMessage("e", 0), null);
        }

        assertThat(QueuedStep.parse(receiveAll(1).getFirst(), new dev.flowline.aws.accounts.Account("other")).causes()).containsExactly("crm-event-1", "enrolled-1");
    }

    private int attribute(QueueAttributeName name) {
        return Integer.parseInt(sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(name))
                .attributes().get(name));
    }

    /** Receives until {@code count} messages have come, or a receive comes back empty. */
    private List<String> receiveAll(int count) {
        var bodies = new ArrayList<String>();
        while (bodies.size() < count) {
            var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            if (messages.isEmpty()) {
                break;
            }
            messages.forEach(m -> bodies.add(m.body()));
        }
        return bodies;
    }
}
