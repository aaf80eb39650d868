package dev.flowline.functions.goalchecker;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.flow;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class GoalCheckerHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

    private static AwsEngine engine(EmbeddedAws.Environment aws) {
        return aws.engine().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /** The trigger evaluator may send an event on twice (redelivered to it): the second changes nothing. */
    @Test
    void theContactChangedSampleUnenrolsAContactWhoMetTheGoalOnceWhenDeliveredTwice(EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        var contact = new Contact("51");
        contact.setProperty("lifecyclestage", "lead", NOW.minusSeconds(3600));
        engine.engine().ports().contacts().create(contact);
        Enrolment enrolment = engine.engine().enroller().enrol(engine.engine().ports().flows().save(flow("1001", SampleFlows.MANUAL,
                SampleFlows.CUSTOMER, delayDays("1", null, 3))), contact, EnrolmentSource.MANUAL).enrolment().orElseThrow();
        contact.setProperty("lifecyclestage", "customer", NOW.minusSeconds(1));
        engine.engine().ports().contacts().save(contact);

        var handler = new GoalCheckerHandler(engine);

        var response = handler.handleRequest(EventLoader.loadSQSEvent("../../events/contact-changed.json"), null);
        var history = engine.engine().ports().history().ofEnrolment(enrolment.enrolmentId());
        var again = handler.handleRequest(EventLoader.loadSQSEvent("../../events/contact-changed.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(engine.engine().ports().enrolments().find(enrolment.enrolmentId()).orElseThrow().isActive()).isFalse();
        assertThat(engine.engine().ports().metrics().snapshot("1001").unenrolled()).isEqualTo(1);
        assertThat(history).extracting(HistoryEntry::kind).contains(HistoryKind.GOAL_MET);
        assertThat(engine.engine().ports().history().ofEnrolment(enrolment.enrolmentId())).isEqualTo(history);
    }

    @Test
    void theContactActivitySampleIsDecodedAndLeavesAnEnrolmentWithoutGoalAlone(EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        var contact = new Contact("51");
        engine.engine().ports().contacts().create(contact);
        Enrolment enrolment = engine.engine().enroller().enrol(engine.engine().ports().flows().save(flow("1001", SampleFlows.MANUAL, null,
                delayDays("1", null, 3))), contact, EnrolmentSource.MANUAL).enrolment().orElseThrow();

        var response = new GoalCheckerHandler(engine)
                .handleRequest(EventLoader.loadSQSEvent("../../events/contact-activity.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(aws.drain(aws.config().deadLetterQueueUrl())).isEmpty();
        assertThat(engine.engine().ports().enrolments().find(enrolment.enrolmentId()).orElseThrow().isActive()).isTrue();
    }
}
