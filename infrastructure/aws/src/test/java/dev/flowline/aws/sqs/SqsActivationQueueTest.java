package dev.flowline.aws.sqs;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.activation.Segment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SqsActivationQueueTest {

    private static final Account ACCOUNT = new Account("a1");

    private static ElasticMq elasticMq;
    private static SqsClient sqs;

    private String queueUrl;

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
    }

    @Test
    void aSegmentGoesOnTheQueueWithItsAccountAndComesBackAsItWent() {
        var segment = new Segment("51", 3, 16, null, null);

        new SqsActivationQueue(sqs, ACCOUNT, queueUrl).send(List.of(segment));

        List<String> bodies = receiveAll(1);
        assertThat(bodies).containsExactly("{\"account\":\"a1\",\"flowId\":\"51\",\"segment\":3,\"totalSegments\":16}");
        assertThat(QueuedSegment.parse(bodies.getFirst()))
                .isEqualTo(new QueuedSegment(ACCOUNT, segment));
    }

    @Test
    void manySegmentsAreSentInBatchesOfTen() {
        var segments = IntStream.range(0, 25).mapToObj(i -> new Segment(null, i, 25, "after-" + i, "j1")).toList();

        new SqsActivationQueue(sqs, ACCOUNT, queueUrl).send(segments);

        assertThat(receiveAll(25)).map(body -> QueuedSegment.parse(body).segment())
                .containsExactlyInAnyOrderElementsOf(segments);
    }

    @Test
    void aSegmentTheQueueRefusesFailsTheSendAndTheBatchesAfterItAreNotSent() {
        var requests = new ArrayList<SendMessageBatchRequest>();
        var refusing = new SqsClient() {
            @Override
            public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
                requests.add(request);
                var entries = request.entries();
                return SendMessageBatchResponse.builder()
                        .successful(entries.subList(0, entries.size() - 1).stream()
                                .map(entry -> SendMessageBatchResultEntry.builder().id(entry.id()).build()).toList())
                        .failed(BatchResultErrorEntry.builder().id(entries.getLast().id()).code("InternalError")
                                .message("try again").senderFault(false).build())
                        .build();
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
        var segments = IntStream.range(0, 12).mapToObj(i -> new Segment("51", i, 12, null, null)).toList();

        assertThatIllegalStateException().isThrownBy(() -> new SqsActivationQueue(refusing, ACCOUNT, queueUrl)
                .send(segments)).withMessage("the activation queue refused 1 of 10 segments, first: InternalError "
                + "try again");
        assertThat(requests).singleElement().satisfies(request -> assertThat(request.entries())
                .extracting(entry -> entry.id()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    @Test
    void withoutAQueueNothingCanBeSent() {
        var none = new SqsActivationQueue(sqs, ACCOUNT, null);

        assertThat(none.available()).isFalse();
        assertThat(new SqsActivationQueue(sqs, ACCOUNT, queueUrl).available()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> none.send(List.of(new Segment("51", 0, 1, null, null))))
                .withMessageContaining("FLOWLINE_ACTIVATION_QUEUE_URL");
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
