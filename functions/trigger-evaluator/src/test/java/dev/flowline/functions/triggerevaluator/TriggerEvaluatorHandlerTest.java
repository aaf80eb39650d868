package dev.flowline.functions.triggerevaluator;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.sqs.QueuedStep;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.enrolment.Enrolment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class TriggerEvaluatorHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final List<ActivityEvent> published = new ArrayList<>();

    private AwsEngine engine(EmbeddedAws.Environment aws) {
        return aws.engine().clock(CLOCK).events(new EngineEvents() {
            @Override
            public void activity(String contactId, ActivityEvent event) {
                published.add(event);
            }

            @Override
            public void propertiesChanged(String contactId, Set<String> properties) {
            }
        }).build();
    }

    private static void customer51(AwsEngine engine) {
        var contact = new Contact("51");
        contact.setProperty("lifecyclestage", "lead", NOW.minusSeconds(3600));
        contact.setProperty("lifecyclestage", "customer", NOW.minusSeconds(1));
        engine.engine().ports().contacts().create(contact);
    }

    @Test
    void theContactChangedSampleEnrolsTheContactWhoBecameACustomer(EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        engine.engine().ports().flows().save(flow("1001", SampleFlows.listBased(SampleFlows.CUSTOMER), null,
                marketingEmail("1", null, "welcome")));
        customer51(engine);

        SQSBatchResponse response = new TriggerEvaluatorHandler(engine)
                .handleRequest(EventLoader.loadSQSEvent("../../events/contact-changed.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(engine.engine().ports().enrolments().ofContact("1001", "51")).extracting(Enrolment::isActive).containsExactly(true);
        assertThat(aws.drain(aws.config().stepQueueUrl())).extracting(m -> QueuedStep.parse(m.body(), aws.config().defaultAccount()).step())
                .containsExactly(engine.engine().ports().enrolments().ofContact("1001", "51").getFirst().nextStep());
        assertThat(published).extracting(ActivityEvent::eventTypeId).contains("4-1466013");
        assertThat(engine.engine().ports().contacts().find("51").orElseThrow().events()).extracting(ActivityEvent::eventTypeId)
                .as("the enrolment event is recorded on the contact before it is published").contains("4-1466013");
    }

    @Test
    void theContactActivitySampleEnrolsInAFlowTriggeredByTheForm(EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        engine.engine().ports().flows().save(flow("1002", SampleFlows.eventBased(SampleFlows.FORM_SUBMITTED), null,
                marketingEmail("1", null, "thanks")));
        customer51(engine);

        SQSBatchResponse response = new TriggerEvaluatorHandler(engine)
                .handleRequest(EventLoader.loadSQSEvent("../../events/contact-activity.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(engine.engine().ports().enrolments().ofContact("1002", "51")).hasSize(1);
    }

    @Test
    void anSesEmailEventIsRecordedOnTheContactWithThatAddressAndPublished(EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        var ada = new Contact("52");
        ada.setProperty("email", "ada@example.com", NOW.minusSeconds(3600));
        engine.engine().ports().contacts().create(ada);

        SQSBatchResponse response = new TriggerEvaluatorHandler(engine)
                .handleRequest(EventLoader.loadSQSEvent("../../events/ses-email-opened.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        var opened = new ActivityEvent(StandardEvents.EMAIL_OPEN, Instant.parse("2026-11-23T10:14:30Z"),
                Map.of(StandardEvents.EMAIL_ID, "welcome"));
        assertThat(engine.engine().ports().contacts().find("52").orElseThrow().events()).containsExactly(opened);
        assertThat(published).containsExactly(opened);
    }

    @Test
    void anSesEmailEventGoesToTheAccountItsEmailWasTaggedWith(EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        var ada = new Contact("52");
        ada.setProperty("email", "ada@example.com", NOW.minusSeconds(3600));
        engine.engine().ports().contacts().create(ada);
        SQSEvent event = EventLoader.loadSQSEvent("../../events/ses-email-opened.json");
        SQSEvent.SQSMessage record = event.getRecords().getFirst();
        record.setBody(record.getBody().replace("\"flowline-account\":[\"default\"]",
                "\"flowline-account\":[\"other\"]"));

        SQSBatchResponse response = new TriggerEvaluatorHandler(engine).handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(engine.engine().ports().contacts().find("52").orElseThrow().events()).isEmpty();
        assertThat(aws.drain(aws.config().deadLetterQueueUrl())).as("an address no contact has is dropped").isEmpty();
    }

    @Test
    void poisonMessagesGoToTheDeadLetterQueueWithTheirReasonAndTheRestOfTheBatchIsHandled(
            EmbeddedAws.Environment aws) {
        // an event about a contact that does not exist (archived, erased) is no poison: it does nothing
        AwsEngine engine = engine(aws);
        engine.engine().ports().flows().save(flow("1001", SampleFlows.listBased(SampleFlows.CUSTOMER), null,
                marketingEmail("1", null, "welcome")));
        customer51(engine);
        SQSEvent batch = EventLoader.loadSQSEvent("../../events/contact-changed.json");
        SQSEvent.SQSMessage good = batch.getRecords().getFirst();
        batch.setRecords(List.of(
                message("not-json", "{ this is not JSON"),
                message("unknown-contact", good.getBody().replace("\"contactId\":\"51\"", "\"contactId\":\"404\"")),
                good));

        SQSBatchResponse response = new TriggerEvaluatorHandler(engine).handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(engine.engine().ports().enrolments().ofContact("1001", "51")).hasSize(1);
        assertThat(engine.engine().ports().contacts().find("404")).isEmpty();
        assertThat(engine.engine().ports().enrolments().allOfContact("404")).isEmpty();
        List<Message> dead = aws.drain(aws.config().deadLetterQueueUrl());
        assertThat(dead).extracting(Message::body).containsExactly("{ this is not JSON");
        assertThat(dead).allSatisfy(m -> assertThat(m.messageAttributes().get("handler").stringValue())
                .isEqualTo("trigger-evaluator"));
        assertThat(dead).extracting(m -> m.messageAttributes().get("reason").stringValue())
                .singleElement().satisfies(reason -> assertThat(reason).startsWith("the body cannot be decoded"));
    }

    @Test
    void aMessageThatFailsForAnotherReasonIsReportedForRetryAlone(EmbeddedAws.Environment aws) {
        AwsEngine engine = aws.engine().clock(CLOCK).events(new EngineEvents() {
            @Override
            public void activity(String contactId, ActivityEvent event) {
                throw new IllegalStateException("the bus is unavailable");
            }

            @Override
            public void propertiesChanged(String contactId, Set<String> properties) {
            }
        }).build();
        engine.engine().ports().flows().save(flow("1001", SampleFlows.listBased(SampleFlows.CUSTOMER), null,
                marketingEmail("1", null, "welcome")));
        customer51(engine);
        SQSEvent batch = EventLoader.loadSQSEvent("../../events/contact-changed.json");

        SQSBatchResponse response = new TriggerEvaluatorHandler(engine).handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(batch.getRecords().getFirst().getMessageId());
        assertThat(aws.drain(aws.config().deadLetterQueueUrl())).isEmpty();
    }

    /** A flow the goal checker watches: with a goal, a suppression list or a delay until an event. */
    private static Flow watchedFlow(String watching) {
        Flow plain = flow("1003", SampleFlows.MANUAL, "goal".equals(watching) ? SampleFlows.CUSTOMER : null,
                delayDays("1", null, 3));
        return switch (watching) {
            case "goal" -> plain;
            case "suppression" -> Flow.parse(plain.toJson().replace("\"suppressionListIds\":[]",
                    "\"suppressionListIds\":[7]"));
            case "event wait" -> Flow.parse(plain.toJson().replace("\"actionTypeId\":\"0-1\"",
                    "\"actionTypeId\":\"0-29\"").replace("{\"delta\":\"3\",\"time_unit\":\"DAYS\"}",
                    "{\"event_filter_branches\":[],\"expiration_minutes\":\"60\"}"));
            default -> throw new IllegalArgumentException(watching);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"goal", "suppression", "event wait"})
    void theEventsOfAnAccountWithAFlowTheGoalCheckerWatchesAreSentOnToItsQueueAsTheyCame(String watching,
                                                                                         EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        engine.engine().ports().flows().save(watchedFlow(watching));
        SQSEvent changed = EventLoader.loadSQSEvent("../../events/contact-changed.json");
        SQSEvent activity = EventLoader.loadSQSEvent("../../events/contact-activity.json");
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(changed.getRecords().getFirst(), activity.getRecords().getFirst()));

        SQSBatchResponse response = new TriggerEvaluatorHandler(engine).handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(aws.drain(aws.config().goalQueueUrl())).extracting(Message::body).containsExactlyInAnyOrder(
                changed.getRecords().getFirst().getBody(), activity.getRecords().getFirst().getBody());
    }

    @Test
    void noEventIsSentOnWhenNoEnabledFlowOfTheAccountIsWatchedNorAnSesEmailEvent(EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        engine.engine().ports().flows().save(flow("1001", SampleFlows.listBased(SampleFlows.CUSTOMER), null,
                marketingEmail("1", null, "welcome")));
        engine.engine().ports().flows().save(Flow.parse(watchedFlow("goal").toJson()
                .replace("\"isEnabled\":true", "\"isEnabled\":false")));
        engine.forAccount(new Account("other")).engine().ports().flows()
                .save(watchedFlow("goal"));
        customer51(engine);
        SQSEvent batch = EventLoader.loadSQSEvent("../../events/contact-changed.json");
        SQSEvent ses = EventLoader.loadSQSEvent("../../events/ses-email-opened.json");
        batch.setRecords(List.of(batch.getRecords().getFirst(), ses.getRecords().getFirst()));

        SQSBatchResponse response = new TriggerEvaluatorHandler(engine).handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(engine.engine().ports().enrolments().ofContact("1001", "51")).hasSize(1);
        assertThat(aws.drain(aws.config().goalQueueUrl())).isEmpty();
    }

    @Test
    void anEventTheGoalQueueDidNotTakeIsReportedFailedAndSentOnWhenDeliveredAgain(EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        engine.engine().ports().flows().save(flow("1001", SampleFlows.listBased(SampleFlows.CUSTOMER), null,
                marketingEmail("1", null, "welcome")));
        engine.engine().ports().flows().save(watchedFlow("goal"));
        customer51(engine);
        SQSEvent batch = EventLoader.loadSQSEvent("../../events/contact-changed.json");
        String messageId = batch.getRecords().getFirst().getMessageId();
        AwsEngine noGoalQueue = AwsEngine.builder(aws.config().withGoalQueueUrl(aws.config().goalQueueUrl() + "-gone"),
                aws.clients()).clock(CLOCK).build();

        SQSBatchResponse refused = new TriggerEvaluatorHandler(noGoalQueue).handleRequest(batch, null);
        SQSBatchResponse again = new TriggerEvaluatorHandler(engine).handleRequest(batch, null);

        assertThat(refused.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(messageId);
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(engine.engine().ports().enrolments().ofContact("1001", "51")).as("enrolled once").hasSize(1);
        assertThat(aws.drain(aws.config().goalQueueUrl())).extracting(Message::body)
                .containsExactly(batch.getRecords().getFirst().getBody());
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }
}
