package dev.flowline.local;

import dev.flowline.aws.AwsClients;
import dev.flowline.aws.eventbridge.BusEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SDK-level faults, injected into real emulators' clients. */
class FaultInjectorTest {

    private static EmbeddedEmulators emulators;

    @BeforeAll
    static void start() {
        emulators = new EmbeddedEmulators(0, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        emulators.close();
    }

    private static AwsClients faulty(FaultPlan plan) {
        return AwsClients.emulatorAt(emulators.sqsEndpoint()).withDynamoDbAt(emulators.dynamoDbEndpoint())
                .withInterceptors(new FaultInjector(plan)).withQuickRetries();
    }

    @Test
    void aRefusedBatchEntryIsReportedFailedAndNotSent() {
        FaultPlan plan = FaultPlan.parse("sqs.send=1");
        try (var sqs = faulty(plan).sqs()) {
            String queue = LocalQueues.queue(sqs, "refused", 1).url();

            var response = sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(
                    SendMessageBatchRequestEntry.builder().id("0").messageBody("kept").build(),
                    SendMessageBatchRequestEntry.builder().id("1").messageBody("refused").build()));

            assertThat(response.failed()).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo("1"));
            assertThat(sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages())
                    .extracting(m -> m.body()).containsExactly("kept");
            assertThat(plan.injected()).containsEntry(FaultPlan.Kind.SQS_SEND, 1L);
        }
    }

    @Test
    void theLocalBusReportsAnEntryAQueueRefusedSoThatThePublisherRetriesIt() {
        try (var sqs = faulty(FaultPlan.parse("sqs.send=1")).sqs()) {
            String queue = LocalQueues.queue(sqs, "bus-target", 1).url();
            var bus = new LocalEventBus(sqs, List.of(queue), Clock.systemUTC());
            PutEventsRequestEntry entry = PutEventsRequestEntry.builder().source(LocalEventBus.CRM_SOURCE)
                    .detailType(BusEvent.ContactChanged.DETAIL_TYPE).detail("{\"contactId\":\"51\"}").build();

            var response = bus.putEvents(b -> b.entries(entry, entry));

            assertThat(response.failedEntryCount()).isEqualTo(1);
            assertThat(response.entries().get(1).errorCode()).isEqualTo("InternalFailure");
            assertThat(response.entries().get(0).eventId()).isNotNull();
        }
    }

    @Test
    void aThrottledDynamoDbRequestIsRetriedByTheSdkAndEveryAttemptIsCounted() {
        FaultPlan plan = FaultPlan.parse("dynamodb.throttle=1");
        try (var dynamo = faulty(plan).dynamoDb()) {
            assertThatThrownBy(dynamo::listTables).isInstanceOf(ProvisionedThroughputExceededException.class);
            assertThat(plan.injected().get(FaultPlan.Kind.DYNAMODB_THROTTLE)).isGreaterThan(1L);
        }
    }
}
