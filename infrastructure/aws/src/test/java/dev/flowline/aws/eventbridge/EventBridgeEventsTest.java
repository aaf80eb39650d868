package dev.flowline.aws.eventbridge;

import dev.flowline.aws.accounts.Account;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.emulator.AwsEmulator;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Engine events through a bus rule to an SQS queue, on each emulator. */
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.flowline.aws.emulator.AwsEmulator#all")
class EventBridgeEventsTest {

    private static final Account ACCOUNT = new Account("a1");

    private static final String BUS = "flowline-test";
    private static final int MAX_CHAIN = 10;

    private final AwsEmulator emulator;

    private EventBridgeClient eventBridge;
    private SqsClient sqs;
    private String queueUrl;
    private EventBridgeEvents events;

    EventBridgeEventsTest(AwsEmulator emulator) {
        emulator.assumeAvailable();
        this.emulator = emulator;
    }

    /** A bus whose rule sends contact.changed events to a queue. */
    @BeforeEach
    void routeContactChangesToAQueue() {
        emulator.reset();
        var clients = emulator.clients();
        eventBridge = clients.eventBridge();
        sqs = clients.sqs();
        queueUrl = sqs.createQueue(q -> q.queueName("triggers")).queueUrl();
        eventBridge.createEventBus(b -> b.name(BUS));
        routeToTheQueue("contact.changed");
        events = new EventBridgeEvents(() -> eventBridge, BUS, MAX_CHAIN, ACCOUNT);
    }

    private void routeToTheQueue(String detailType) {
        String queueArn = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        eventBridge.putRule(r -> r.eventBusName(BUS).name(detailType.replace('.', '-'))
                .eventPattern("{\"source\":[\"flowline.engine\"],\"detail-type\":[\"" + detailType + "\"]}"));
        eventBridge.putTargets(t -> t.eventBusName(BUS).rule(detailType.replace('.', '-'))
                .targets(target -> target.id("queue").arn(queueArn)));
    }

    @AfterEach
    void closeClients() {
        eventBridge.close();
        sqs.close();
    }

    @Test
    void aPropertyChangeReachesTheQueueOfTheRuleMatchingContactChanged() {
        events.activity("c-1", enrolledIn("flow-a"));
        events.propertiesChanged("c-1", Set.of("lifecyclestage"));

        var received = receiveAll();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst()).isInstanceOfSatisfying(BusEvent.ContactChanged.class, changed -> {
            assertThat(changed.contactId()).isEqualTo("c-1");
            assertThat(changed.properties()).containsExactly("lifecyclestage");
            assertThat(changed.causes()).isEmpty();
        });
    }

    @Test
    void anEventCarriesTheChainOfTheMessageBeingHandled() {
        try (var chain = CauseChain.open(List.of("crm-1"), "enrolled-a")) {
            events.propertiesChanged("c-1", Set.of("email"));
        }

        assertThat(receiveAll()).singleElement()
                .satisfies(event -> assertThat(event.causes()).containsExactly("crm-1", "enrolled-a"));
    }

    @Test
    void anEventWhoseChainIsLongerThanTheLimitIsDropped() {
        var tooLong = new ArrayList<String>();
        for (int i = 0; i <= MAX_CHAIN; i++) {
            tooLong.add("event-" + i);
        }
        try (var chain = CauseChain.open(tooLong)) {
            events.propertiesChanged("c-1", Set.of("email"));
        }
        try (var chain = CauseChain.open(tooLong.subList(0, MAX_CHAIN))) {
            events.propertiesChanged("c-1", Set.of("phone"));
        }

        assertThat(receiveAll()).singleElement().satisfies(event ->
                assertThat(((BusEvent.ContactChanged) event).properties()).containsExactly("phone"));
    }

    /** Flow A's action triggers flow B, whose action triggers A again: A's second enrolment closes the loop. */
    @Test
    void theSameContactEnrollingInTheSameFlowTwiceInOneChainIsDropped() {
        routeToTheQueue("contact.activity");
        String enrolledInA = EventBridgeEvents.idOf("c-1", enrolledIn("flow-a"));
        String enrolledInB = EventBridgeEvents.idOf("c-1", enrolledIn("flow-b"));
        try (var chain = CauseChain.open(List.of("crm-1", enrolledInA, "change-1", enrolledInB, "change-2"))) {
            events.activity("c-1", enrolledIn("flow-a"));
            events.activity("c-1", enrolledIn("flow-c"));
        }

        assertThat(receiveAll()).singleElement().satisfies(event ->
                assertThat(((BusEvent.ContactActivity) event).event()).isEqualTo(enrolledIn("flow-c")));
    }

    @Test
    void anEngineEventIdDependsOnWhatHappenedNotWhen() {
        var first = new ActivityEvent(StandardEvents.WORKFLOW_ENROLLED, Instant.parse("2026-11-23T10:00:00Z"),
                Map.of(StandardEvents.FLOW_ID, "flow-a"));
        var later = new ActivityEvent(StandardEvents.WORKFLOW_ENROLLED, Instant.parse("2026-11-24T10:00:00Z"),
                Map.of(StandardEvents.FLOW_ID, "flow-a"));

        assertThat(EventBridgeEvents.idOf("c-1", later)).isEqualTo(EventBridgeEvents.idOf("c-1", first))
                .isNotEqualTo(EventBridgeEvents.idOf("c-2", first))
                .isNotEqualTo(EventBridgeEvents.idOf("c-1", enrolledIn("flow-b")));
    }

    private static ActivityEvent enrolledIn(String flowId) {
        return new ActivityEvent(StandardEvents.WORKFLOW_ENROLLED, Instant.parse("2026-11-23T10:00:00Z"),
                Map.of(StandardEvents.FLOW_ID, flowId));
    }

    /** The emulators deliver to the rule's queue within the PutEvents call, so one receive finds all there is. */
    private List<BusEvent> receiveAll() {
        var received = new ArrayList<BusEvent>();
        List<software.amazon.awssdk.services.sqs.model.Message> messages;
        do {
            messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
            for (var message : messages) {
                JsonNode envelope = FlowlineJson.read(message.body(), JsonNode.class);
                assertThat(envelope.path("source").asText()).isEqualTo(BusEvent.SOURCE);
                received.add(BusEvent.parse(envelope.path("detail-type").asText(), envelope.path("detail").toString(),
                        new Account("other")));
            }
        } while (!messages.isEmpty());
        return received;
    }
}
