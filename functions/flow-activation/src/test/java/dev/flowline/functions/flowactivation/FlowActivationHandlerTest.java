package dev.flowline.functions.flowactivation;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.sqs.QueuedSegment;
import dev.flowline.engine.EnginePorts;
import dev.flowline.engine.activation.Activation;
import dev.flowline.engine.activation.ActivationBudget;
import dev.flowline.engine.activation.Segment;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.flowline.aws.SampleFlows.CUSTOMER;
import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.listBased;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class FlowActivationHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final int CONTACTS = 60;

    /** The environment with an activation queue, and an engine on it reading {@code budget} per run. */
    private record Activating(EmbeddedAws.Environment aws, AwsEngine engine) {

        static Activating of(EmbeddedAws.Environment plain, ActivationBudget budget) {
            String queue = plain.sqs().createQueue(c -> c.queueName(plain.config().tables().flows() + "-activation"))
                    .queueUrl();
            var aws = new EmbeddedAws.Environment(plain.config().withActivationQueueUrl(queue), plain.clients(),
                    plain.sqs());
            return new Activating(aws, aws.engine().clock(Clock.fixed(NOW, ZoneOffset.UTC)).activationBudget(budget)
                    .build());
        }

        String queue() {
            return aws.config().activationQueueUrl();
        }

        EnginePorts ports() {
            return engine.engine().ports();
        }

        /** Feeds the activation queue's messages to the handler until none is left; returns how many there were. */
        int runQueue() {
            var handler = new FlowActivationHandler(engine);
            int handled = 0;
            for (List<Message> messages = aws.drain(queue()); !messages.isEmpty(); messages = aws.drain(queue())) {
                assertThat(handler.handleRequest(event(messages), null).getBatchItemFailures()).isEmpty();
                handled += messages.size();
            }
            return handled;
        }
    }

    private static boolean isCustomer(int i) {
        return i % 3 == 0;
    }

    private static Flow customers() {
        return flow("51", listBased(CUSTOMER), null, delayDays("1", null, 3));
    }

    private static void saveContacts(EnginePorts ports) {
        for (int i = 0; i < CONTACTS; i++) {
            var contact = new Contact("c" + i);
            contact.setProperty("lifecyclestage", isCustomer(i) ? "customer" : "lead", NOW);
            ports.contacts().create(contact);
        }
    }

    @Test
    void theFanOutOfAFlowEnrolsEveryContactThatAlreadyMatchesOnceEachSegmentGoingOnInMessagesOfItsOwn(
            EmbeddedAws.Environment plain) {
        var activating = Activating.of(plain, new ActivationBudget(2, 1));
        saveContacts(activating.ports());
        activating.ports().flows().save(customers());

        activating.engine().engine().activation().start("51");
        int messages = activating.runQueue();

        assertThat(messages).as("segments re-enqueue themselves when their page budget ends")
                .isGreaterThan(Activation.SEGMENTS);
        for (int i = 0; i < CONTACTS; i++) {
            List<Enrolment> enrolments = activating.ports().enrolments().ofContact("51", "c" + i);
            if (isCustomer(i)) {
                assertThat(enrolments).singleElement()
                        .extracting(Enrolment::source).isEqualTo(EnrolmentSource.EXISTING_CONTACTS);
            } else {
                assertThat(enrolments).isEmpty();
            }
        }
    }

    @Test
    void theSampleSegmentRunsOnTheEngineOfTheDefaultAccountWhenItNamesNone(EmbeddedAws.Environment plain) {
        var activating = Activating.of(plain, ActivationBudget.DEFAULT);
        saveContacts(activating.ports());
        activating.ports().flows().save(customers());
        List<String> inSegment = activating.ports().contacts().scan(0, 4, null, CONTACTS).items().stream()
                .filter(contact -> contact.value("lifecyclestage").orElseThrow().equals("customer"))
                .map(Contact::id).toList();

        var response = new FlowActivationHandler(activating.engine())
                .handleRequest(EventLoader.loadSQSEvent("../../events/flow-activation.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(activating.aws().drain(activating.aws().config().deadLetterQueueUrl())).isEmpty();
        for (int i = 0; i < CONTACTS; i++) {
            assertThat(activating.ports().enrolments().ofContact("51", "c" + i))
                    .hasSize(inSegment.contains("c" + i) ? 1 : 0);
        }
    }

    @Test
    void aSegmentRunsOnTheEngineOfTheAccountItNames(EmbeddedAws.Environment plain) {
        var activating = Activating.of(plain, ActivationBudget.DEFAULT);
        var acme = activating.engine().forAccount(new Account("acme"));
        saveContacts(acme.engine().ports());
        acme.engine().ports().flows().save(customers());
        saveContacts(activating.ports());
        activating.ports().flows().save(customers());

        acme.engine().activation().start("51");
        activating.runQueue();

        assertThat(acme.engine().ports().enrolments().ofContact("51", "c0")).hasSize(1);
        assertThat(activating.ports().enrolments().ofContact("51", "c0")).as("the default account's").isEmpty();
    }

    @Test
    void aMessageThatIsNoSegmentOrNamesNoAccountGoesToTheDeadLetterQueueAndHoldsNothingBack(EmbeddedAws.Environment plain) {
        var activating = Activating.of(plain, ActivationBudget.DEFAULT);
        String noFlowNorJourney = "{\"account\":\"default\",\"segment\":0,\"totalSegments\":4}";
        String noAccount = "{\"flowId\":\"51\",\"segment\":0,\"totalSegments\":4}";
        String valid = new QueuedSegment(activating.engine().account(), new Segment("404", 0, 1, null, null)).toJson();

        var response = new FlowActivationHandler(activating.engine())
                .handleRequest(event(List.of(message("m1", noFlowNorJourney), message("m2", valid),
                        message("m3", noAccount))), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(activating.aws().drain(activating.aws().config().deadLetterQueueUrl()))
                .extracting(Message::body).containsExactly(noFlowNorJourney, noAccount);
    }

    private static Message message(String id, String body) {
        return Message.builder().messageId(id).body(body).build();
    }

    private static SQSEvent event(List<Message> messages) {
        var event = new SQSEvent();
        event.setRecords(messages.stream().map(message -> {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setBody(message.body());
            return record;
        }).toList());
        return event;
    }
}
