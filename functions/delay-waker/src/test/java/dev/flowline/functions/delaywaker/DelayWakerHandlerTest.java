package dev.flowline.functions.delaywaker;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.aws.sqs.QueuedSegment;
import dev.flowline.aws.sqs.QueuedStep;
import dev.flowline.engine.action.SmsStatus;
import dev.flowline.engine.activation.Activation;
import dev.flowline.engine.activation.Segment;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactEvent;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.StepMessage;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(EmbeddedAws.class)
class DelayWakerHandlerTest {

    @Test
    @SuppressWarnings("unchecked")
    void theWakeUpSamplePutsTheStepsDueInItsMinuteOnTheStepQueue(EmbeddedAws.Environment aws) {
        var clock = new VirtualClock(Instant.parse("2026-11-22T10:15:20Z"), ZoneOffset.UTC);
        AwsEngine engine = aws.engine().clock(clock).build();
        var contact = new Contact("51");
        engine.engine().ports().contacts().create(contact);
        Enrolment enrolment = engine.engine().enroller().enrol(engine.engine().ports().flows().save(flow("1001", SampleFlows.MANUAL, null,
                delayDays("1", "2", 1), marketingEmail("2", null, "welcome"))), contact, EnrolmentSource.MANUAL)
                .enrolment().orElseThrow();
        engine.engine().steps().run(enrolment.nextStep());
        aws.drain(aws.config().stepQueueUrl());
        clock.moveTo(Instant.parse("2026-11-23T10:16:00Z"));

        new DelayWakerHandler(engine).handleRequest(EventLoader.loadEvent("../../events/wake-up.json", Map.class), null);

        assertThat(aws.drain(aws.config().stepQueueUrl())).extracting(m -> QueuedStep.parse(m.body(), aws.config().defaultAccount()).step())
                .containsExactly(new StepMessage(enrolment.enrolmentId(), 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWakeUpWhoseTimeoutIsNearReadsNoPageFailsAndItsRetryQueuesTheSteps(EmbeddedAws.Environment aws) {
        var clock = new VirtualClock(Instant.parse("2026-11-23T10:16:00Z"), ZoneOffset.UTC);
        AwsEngine engine = aws.engine().clock(clock).build();
        var due = IntStream.range(0, 30).mapToObj(i -> Enrolment.start("1001", "c" + i, 1, EnrolmentSource.MANUAL,
                "1", Instant.parse("2026-11-20T00:00:00Z")).advance("2", Instant.parse("2026-11-23T10:15:30Z"))).toList();
        engine.dueEnrolments().write(aws.config().defaultAccount(), due);
        Map<String, Object> wakeUp = EventLoader.loadEvent("../../events/wake-up.json", Map.class);
        var handler = new DelayWakerHandler(engine);

        assertThatIllegalStateException().isThrownBy(() -> handler.handleRequest(wakeUp,
                        new RemainingTime(DelayWakerHandler.STOP_BEFORE_TIMEOUT.toMillis() - 1)))
                .withMessageContaining("of the steps due in minute 2026-11-23T10:15:00Z, 0 were queued")
                .withMessageContaining("pages were left unread as the function's timeout neared");
        assertThat(aws.drain(aws.config().stepQueueUrl())).isEmpty();

        handler.handleRequest(wakeUp, new RemainingTime(Duration.ofMinutes(5).toMillis()));

        assertThat(aws.drain(aws.config().stepQueueUrl()))
                .extracting(m -> QueuedStep.parse(m.body(), aws.config().defaultAccount()).step())
                .containsExactlyInAnyOrderElementsOf(due.stream().map(Enrolment::nextStep).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWakeUpForAMinuteWithoutDueStepsQueuesNothing(EmbeddedAws.Environment aws) {
        AwsEngine engine = aws.engine().build();

        new DelayWakerHandler(engine).handleRequest(EventLoader.loadEvent("../../events/wake-up.json", Map.class), null);

        assertThat(aws.drain(aws.config().stepQueueUrl())).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSweepSamplePublishesTheContactEventsPendingForMoreThanAMinute(EmbeddedAws.Environment aws) {
        var clock = new VirtualClock(Instant.parse("2026-11-23T10:15:20Z"), ZoneOffset.UTC);
        var published = new ArrayList<String>();
        AwsEngine engine = aws.engine().clock(clock).events(new EngineEvents() {
            @Override
            public void activity(String contactId, ActivityEvent event) {
            }

            @Override
            public void propertiesChanged(String contactId, Set<String> properties) {
                published.add(contactId);
            }
        }).build();
        var contacts = engine.engine().ports().contacts();
        contacts.create(new Contact("51"), List.of(ContactEvent.changed(Set.of("email"), clock.instant())));
        clock.advance(Duration.ofSeconds(30));
        contacts.create(new Contact("52"), List.of(ContactEvent.changed(Set.of("email"), clock.instant())));
        clock.advance(Duration.ofSeconds(40));

        new DelayWakerHandler(engine).handleRequest(EventLoader.loadEvent("../../events/contact-event-sweep.json",
                Map.class), null);

        assertThat(published).containsExactly("51");
        assertThat(contacts.pendingEvents("51")).isEmpty();
        assertThat(contacts.pendingEvents("52")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFlowScheduleSamplePutsTheRunsSegmentsOnTheActivationQueue(EmbeddedAws.Environment aws) {
        String activations = aws.sqs().createQueue(q -> q.queueName("activations-" + System.nanoTime())).queueUrl();
        AwsEngine engine = AwsEngine.builder(aws.config().withActivationQueueUrl(activations), aws.clients()).build();
        var scheduled = (ObjectNode) FlowlineJson.read(
                flow("1001", SampleFlows.listBased(SampleFlows.CUSTOMER), null, delayDays("1", null, 1)).toJson(),
                JsonNode.class);
        scheduled.set("enrollmentSchedule", FlowlineJson.read("{\"type\":\"DAILY\",\"timeOfDay\":{\"hour\":8,\"minute\":0}}",
                JsonNode.class));
        engine.engine().ports().flows().save(Flow.parse(scheduled.toString()));

        new DelayWakerHandler(engine).handleRequest(EventLoader.loadEvent("../../events/flow-schedule-run.json", Map.class),
                null);

        assertThat(aws.drain(activations)).hasSize(Activation.SEGMENTS)
                .extracting(m -> QueuedSegment.parse(m.body()).segment())
                .allSatisfy(segment -> {
                    assertThat(segment.flowId()).isEqualTo("1001");
                    assertThat(segment.run()).isEqualTo(Segment.Run.SCHEDULE);
                    assertThat(segment.runAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSmsDeliverySampleRecordsTheStatusTheWaitingStepReads(EmbeddedAws.Environment aws) {
        AwsEngine engine = aws.engine().build();

        new DelayWakerHandler(engine).handleRequest(EventLoader.loadEvent("../../events/sms-delivered.json", Map.class),
                null);

        assertThat(engine.smsDeliveries().status(aws.config().defaultAccount(), "ed23196c-75ce-4727-93ee-7bf72b64998f"))
                .isEqualTo(SmsStatus.DELIVERED);
    }

    /** A Lambda context with {@code millis} left before the function's timeout. */
    private record RemainingTime(long millis) implements Context {

        @Override
        public String getAwsRequestId() {
            return "wake-up";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/delay-waker";
        }

        @Override
        public String getLogStreamName() {
            return "wake-up";
        }

        @Override
        public String getFunctionName() {
            return "delay-waker";
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:delay-waker";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) millis;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}
