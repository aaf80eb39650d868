package dev.flowline.aws.lambda;

import dev.flowline.aws.AwsConfig;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

@ExtendWith(EmbeddedAws.class)
class SnapStartPrimingTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ExecutionInterceptor recorder = new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    };

    @Test
    void primingSendsOneRequestThroughEachClientTheEngineReadsWith(EmbeddedAws.Environment aws) {
        var engine = AwsEngine.builder(aws.config(), aws.clients().withInterceptors(recorder)).build();

        new SnapStartPriming(engine).beforeCheckpoint(null);

        assertThat(requests).containsExactly("DynamoDb GetItem", "Sqs GetQueueAttributes");
    }

    @Test
    void eachRestoredInstanceWritesHistoryAsItsOwnWriter(EmbeddedAws.Environment aws) {
        var engine = aws.engine().build();
        var priming = new SnapStartPriming(engine);
        var at = Instant.parse("2026-03-02T10:00:00Z");

        engine.engine().ports().history().append(new HistoryEntry(null, "51", "c1", at, HistoryKind.NOT_ENROLLED, null, "snapshotted"));
        priming.afterRestore(null);
        engine.engine().ports().history().append(new HistoryEntry(null, "51", "c1", at, HistoryKind.NOT_ENROLLED, null, "restored"));

        try (var dynamo = aws.clients().dynamoDb()) {
            var writers = dynamo.scan(b -> b.tableName(aws.config().tables().history())).items().stream()
                    .map(item -> item.get("sk").s().replaceFirst(".*#", "")).distinct().toList();
            assertThat(writers).hasSize(2);
        }
    }

    @Test
    void aRefusedRequestDoesNotStopThePrimingNorTheSnapshot(EmbeddedAws.Environment aws) {
        var env = Map.of("FLOWLINE_ENROLMENTS_TABLE", "no-such-table",
                "FLOWLINE_STEP_QUEUE_URL", aws.config().stepQueueUrl() + "-missing");
        var engine = AwsEngine.builder(AwsConfig.fromEnvironment(env),
                aws.clients().withInterceptors(recorder)).build();

        assertThatCode(() -> new SnapStartPriming(engine).beforeCheckpoint(null)).doesNotThrowAnyException();
        assertThat(requests).containsExactly("DynamoDb GetItem", "Sqs GetQueueAttributes");
    }
}
