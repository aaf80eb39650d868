package dev.flowline.functions.actionexecutor;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.eventbridge.BusEvent;
import dev.flowline.aws.scheduler.WakeUp;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.VirtualClock;
import dev.flowline.functions.delaywaker.DelayWakerHandler;
import dev.flowline.functions.goalchecker.GoalCheckerHandler;
import dev.flowline.functions.triggerevaluator.TriggerEvaluatorHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two accounts with the same contact, flow and list ids: an event of one account, followed through the trigger
 * evaluator, the goal checker, the action executor and the delay waker, never touches the other account's
 * contacts, enrolments, histories, metrics or lists, and emails only its own contact.
 */
@ExtendWith(EmbeddedAws.class)
class HandlerAccountIsolationTest {

    private static final Instant START = Instant.parse("2026-11-23T10:15:00Z");
    private static final Account ACME = new Account("acme");
    private static final Account GLOBEX = new Account("globex");

    private final VirtualClock clock = new VirtualClock(START, ZoneOffset.UTC);
    private final List<MarketingEmail> emails = new CopyOnWriteArrayList<>();
    private final List<Instant> wakeUps = new ArrayList<>();

    /** Snapshot of what one account stores about contact 51 and flows 1001 and 1002. */
    private record Stored(String contact, List<Enrolment> enrolments, Object history, Object metrics1001,
                          Object metrics1002, List<String> listMembers) {

        static Stored of(AwsEngine engine) {
            Contact contact = engine.engine().ports().contacts().find("51").orElseThrow();
            return new Stored(contact.propertyNames().stream().sorted()
                    .map(name -> name + "=" + contact.history(name)).toList() + " " + contact.events(),
                    engine.engine().ports().enrolments().allOfContact("51"), engine.engine().ports().history().ofContact("51"),
                    engine.engine().ports().metrics().snapshot("1001"), engine.engine().ports().metrics().snapshot("1002"),
                    engine.engine().ports().lists().members("7", null, 100).items());
        }
    }

    @Test
    void anEventOfOneAccountNeverEnrolsUnenrolsChangesOrEmailsAContactOfAnotherWithTheSameIds(
            EmbeddedAws.Environment aws) throws Exception {
        AwsEngine acme = aws.engine().clock(clock).wakeUps(wakeUps::add).mailer(new Mailer() {
            @Override
            public void sendMarketingEmail(MarketingEmail email) {
                emails.add(email);
            }

            @Override
            public void sendInternalEmail(InternalEmail email) {
                throw new UnsupportedOperationException();
            }
        }).account(ACME).build();
        AwsEngine globex = acme.forAccount(GLOBEX);
        for (AwsEngine engine : List.of(acme, globex)) {
            sameSetUp(engine, engine == acme ? "ada@acme.example" : "bob@globex.example");
        }
        runSteps(aws, acme); // both accounts' contacts now wait in flow 1002
        Stored globexBefore = Stored.of(globex);

        Contact ada = acme.engine().ports().contacts().find("51").orElseThrow();
        ada.setProperty("lifecyclestage", "customer", START);
        acme.engine().ports().contacts().save(ada);
        SQSEvent changed = sqsEvent(List.of(new BusEvent.ContactChanged("e-1", ACME, "51", List.of(),
                Set.of("lifecyclestage"))));
        assertThat(new TriggerEvaluatorHandler(acme).handleRequest(changed, null).getBatchItemFailures()).isEmpty();
        assertThat(new GoalCheckerHandler(acme).handleRequest(changed, null).getBatchItemFailures()).isEmpty();
        runSteps(aws, acme);

        assertThat(acme.engine().ports().enrolments().ofContact("1001", "51")).extracting(Enrolment::status)
                .containsExactly(EnrolmentStatus.COMPLETED);
        assertThat(acme.engine().ports().enrolments().ofContact("1002", "51")).extracting(Enrolment::status)
                .containsExactly(EnrolmentStatus.UNENROLLED);
        assertThat(emails).extracting(MarketingEmail::to)
                .containsExactly("ada@acme.example", "ada@acme.example");
        assertThat(Stored.of(globex)).isEqualTo(globexBefore);
        assertThat(globex.engine().ports().enrolments().ofContact("1001", "51")).isEmpty();
        assertThat(globex.engine().ports().enrolments().ofContact("1002", "51")).extracting(Enrolment::isActive)
                .containsExactly(true);
    }

    /** Contact 51 (a lead, in MANUAL list 7), flow 1001 (customers: email, a day, email), flow 1002 (manual, goal:
     * customer) with 51 enrolled. */
    private static void sameSetUp(AwsEngine engine, String email) {
        var contact = new Contact("51");
        contact.setProperty(Contact.EMAIL, email, START.minusSeconds(60));
        contact.setProperty("lifecyclestage", "lead", START.minusSeconds(60));
        engine.engine().ports().contacts().create(contact);
        SampleFlows.putEmailTemplates(engine, "welcome", "follow-up");
        engine.engine().ports().flows().save(flow("1001", SampleFlows.listBased(SampleFlows.CUSTOMER), null,
                marketingEmail("1", "2", "welcome"), delayDays("2", "3", 1), marketingEmail("3", null, "follow-up")));
        var nurture = engine.engine().ports().flows().save(flow("1002", SampleFlows.MANUAL, SampleFlows.CUSTOMER,
                delayDays("1", null, 30)));
        engine.engine().enroller().enrol(nurture, contact, EnrolmentSource.MANUAL);
        engine.engine().ports().lists().addMembers("7", List.of("51"));
    }

    /** Runs the queued steps, waking delayed ones as the scheduler would, until nothing is left to run. */
    private void runSteps(EmbeddedAws.Environment aws, AwsEngine engine) throws Exception {
        var executor = new ActionExecutorHandler(engine);
        var waker = new DelayWakerHandler(engine);
        for (int round = 0; round < 10; round++) {
            List<Message> steps = aws.drain(aws.config().stepQueueUrl());
            if (!steps.isEmpty()) {
                assertThat(executor.handleRequest(sqsEvent(steps.stream().map(Message::body).toList()), null)
                        .getBatchItemFailures()).isEmpty();
            } else if (!wakeUps.isEmpty() && Collections.min(wakeUps).isBefore(START.plus(Duration.ofDays(2)))) {
                Instant due = Collections.min(wakeUps);
                wakeUps.remove(due);
                clock.moveTo(due);
                waker.handleRequest(FlowlineJson.mapper().readValue(new WakeUp(due).toJson(), Map.class), null);
            } else {
                return;
            }
        }
    }

    private static SQSEvent sqsEvent(List<?> bodies) {
        var event = new SQSEvent();
        var messages = new ArrayList<SQSEvent.SQSMessage>();
        for (Object body : bodies) {
            var message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + messages.size());
            message.setBody(body instanceof BusEvent bus ? envelope(bus) : (String) body);
            messages.add(message);
        }
        event.setRecords(messages);
        return event;
    }

    /** The EventBridge event the bus delivers to a queue. */
    private static String envelope(BusEvent event) {
        return "{\"version\":\"0\",\"id\":\"" + event.id() + "\",\"detail-type\":\"" + event.detailType()
                + "\",\"source\":\"flowline.crm\",\"detail\":" + event.detail() + "}";
    }
}
