package dev.flowline.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flowline.aws.http.HttpWebhookCaller;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch stops starting messages before the function's timeout could cut one short. */
class SqsBatchTest {

    private static final Duration WEBHOOK_STEP = HttpWebhookCaller.CONNECT_TIMEOUT
            .plus(HttpWebhookCaller.RESPONSE_TIMEOUT);

    /** What the function's clock says is left; a handled message takes its time off it, nobody sleeps. */
    private long remainingMillis = Duration.ofSeconds(60).toMillis();
    private final Context lambda = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
            new Class<?>[]{Context.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getRemainingTimeInMillis" -> (int) remainingMillis;
                case "getAwsRequestId" -> "request-1";
                default -> null;
            });

    private final List<String> deadLettered = new CopyOnWriteArrayList<>();
    private final SqsClient sqs = (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(),
            new Class<?>[]{SqsClient.class}, (proxy, method, args) -> {
                deadLettered.add(method.getName());
                return null;
            });
    private final SqsBatch batch = new SqsBatch("test-handler", sqs, "https://sqs.test/dlq");
    private final List<String> handled = new ArrayList<>();

    /** Each message's body is the time it takes, in milliseconds; "poison" cannot be decoded. */
    private final SqsBatch.RecordHandler<Long> timed = new SqsBatch.RecordHandler<>() {

        @Override
        public Long decode(String body) {
            return Long.parseLong(body);
        }

        @Override
        public Map<String, String> logFields(Long millis) {
            return Map.of();
        }

        @Override
        public void handle(Long millis) {
            handled.add("took " + millis);
            remainingMillis -= millis;
        }
    };

    private static SQSEvent batchOf(List<String> bodies) {
        var event = new SQSEvent();
        event.setRecords(IntStream.range(0, bodies.size()).mapToObj(i -> {
            var message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + (i + 1));
            message.setBody(bodies.get(i));
            return message;
        }).toList());
        return event;
    }

    private static List<String> ids(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private static List<String> times(int count, Duration each) {
        return IntStream.range(0, count).mapToObj(i -> String.valueOf(each.toMillis())).toList();
    }

    @Test
    void tenWebhookStepsThatEachUseTheirWholeTimeoutsDoNotOutliveASixtySecondFunction() {
        SQSBatchResponse response = batch.run(batchOf(times(10, WEBHOOK_STEP)), lambda, timed);

        assertThat(handled).hasSize(1);
        assertThat(remainingMillis).as("the function ends with time to spare").isPositive();
        assertThat(ids(response)).containsExactly("m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10");
    }

    @Test
    void aMessageStartsOnlyWithTheLongestMessagesTimeLeft() {
        // 60 s, 45 s and 30 s left before the first three: the third would have only 30 s of the 43 s it may take
        SQSBatchResponse response = batch.run(batchOf(times(4, Duration.ofSeconds(15))), lambda, timed);

        assertThat(handled).hasSize(2);
        assertThat(ids(response)).containsExactly("m3", "m4");
    }

    @Test
    void quickMessagesAllRunInOneInvocation() {
        SQSBatchResponse response = batch.run(batchOf(times(10, Duration.ofMillis(40))), lambda, timed);

        assertThat(handled).hasSize(10);
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    @Test
    void unstartedMessagesAreHandedBackUnreadAndNeverDeadLettered() {
        remainingMillis = SqsBatch.LONGEST_MESSAGE.toMillis();

        SQSBatchResponse response = batch.run(batchOf(List.of("1", "poison", "not a number either")), lambda, timed);

        assertThat(handled).containsExactly("took 1");
        assertThat(ids(response)).containsExactly("m2", "m3");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void theFirstMessageAlwaysStartsSoThatAFunctionWithLittleTimeStillMovesItsQueueOn() {
        remainingMillis = 1_000;

        SQSBatchResponse response = batch.run(batchOf(List.of("10", "10")), lambda, timed);

        assertThat(handled).containsExactly("took 10");
        assertThat(ids(response)).containsExactly("m2");
    }

    @Test
    void aStartedMessageThatFailsAndTheUnstartedOnesAreAllReported() {
        SqsBatch.RecordHandler<Long> failing = new SqsBatch.RecordHandler<>() {
            @Override
            public Long decode(String body) {
                return Long.parseLong(body);
            }

            @Override
            public Map<String, String> logFields(Long millis) {
                return Map.of();
            }

            @Override
            public void handle(Long millis) {
                remainingMillis -= millis;
                throw new IllegalStateException("the endpoint did not answer");
            }
        };

        SQSBatchResponse response = batch.run(batchOf(times(3, WEBHOOK_STEP)), lambda, failing);

        assertThat(ids(response)).containsExactly("m1", "m2", "m3");
    }

    @Test
    void withoutALambdaContextEveryMessageStarts() {
        SQSBatchResponse response = batch.run(batchOf(times(10, WEBHOOK_STEP)), null, timed);

        assertThat(handled).hasSize(10);
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    @Test
    void everyQueueTriggeredFunctionOfTheTemplateHasTimeForItsLongestMessage() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../../template.yaml").toFile());
        int defaultTimeout = template.path("Globals").path("Function").path("Timeout").asInt();
        var tooShort = new ArrayList<String>();
        var queueTriggered = new ArrayList<String>();
        template.path("Resources").properties().forEach(resource -> {
            JsonNode properties = resource.getValue().path("Properties");
            boolean sqs = false;
            for (JsonNode event : properties.path("Events")) {
                sqs |= event.path("Type").asText().equals("SQS");
            }
            if (sqs) {
                queueTriggered.add(resource.getKey());
                int timeout = properties.path("Timeout").asInt(defaultTimeout);
                if (timeout < SqsBatch.LONGEST_MESSAGE.toSeconds()) {
                    tooShort.add(resource.getKey() + " (" + timeout + " s)");
                }
            }
        });

        assertThat(queueTriggered).contains("ActionExecutorFunction");
        assertThat(tooShort).isEmpty();
    }
}
