package dev.flowline.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.flowline.aws.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.flowline.local.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The pollers feed queues to handlers as Lambda's SQS event source mapping does. */
class SqsPollerTest {

    private static EmbeddedEmulators emulators;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        emulators = new EmbeddedEmulators(0, 0);
        sqs = AwsClients.emulatorAt(emulators.sqsEndpoint()).sqs();
    }

    @AfterAll
    static void stop() throws Exception {
        sqs.close();
        emulators.close();
    }

    @Test
    void onlyTheMessagesAHandlerReportsFailedAreRetriedAndAfterFiveReceivesTheyMoveToTheDeadLetterQueue()
            throws InterruptedException {
        LocalQueues.Queue queue = LocalQueues.queue(sqs, "partial", 1);
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        var batchSizes = new ArrayList<Integer>();
        var poller = new SqsPoller("test", sqs, queue.url(), (event, context) -> {
            synchronized (batchSizes) {
                batchSizes.add(event.getRecords().size());
            }
            var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
            event.getRecords().forEach(record -> {
                deliveries.computeIfAbsent(record.getBody(), body -> new AtomicInteger()).incrementAndGet();
                if (record.getBody().equals("poison")) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                }
            });
            return new SQSBatchResponse(failures);
        }, 1, FaultPlan.NONE);
        try {
            sqs.sendMessage(m -> m.queueUrl(queue.url()).messageBody("poison"));
            for (int i = 0; i < 11; i++) {
                String body = "good-" + i;
                sqs.sendMessage(m -> m.queueUrl(queue.url()).messageBody(body));
            }

            List<Message> deadLetters = await("the failing message is dead-lettered", () -> Optional.of(
                    sqs.receiveMessage(r -> r.queueUrl(queue.deadLetterUrl()).waitTimeSeconds(1)).messages())
                    .filter(messages -> !messages.isEmpty()));

            assertThat(deadLetters).extracting(Message::body).containsExactly("poison");
            assertThat(deliveries.get("poison")).hasValue(LocalQueues.MAX_RECEIVES);
            assertThat(deliveries).hasSize(12).allSatisfy((body, count) -> {
                if (!body.equals("poison")) {
                    assertThat(count).hasValue(1);
                }
            });
            synchronized (batchSizes) {
                assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, SqsPoller.BATCH_SIZE));
            }
        } finally {
            poller.close();
        }
    }
}
