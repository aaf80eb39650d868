package dev.flowline.engine.action;

import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.simulation.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.ZONE;
import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.ActionTesting.historyOf;
import static dev.flowline.engine.action.ActionTesting.lastOf;
import static dev.flowline.engine.action.ActionTesting.setProperty;
import static org.assertj.core.api.Assertions.assertThat;

class SmsActionTest {

    private final Simulator simulator = new Simulator(START, ZONE)
            .addFlow(flow("f", action("0-25", """
                    {"phone_number":"{{ enrolled_object.mobilephone }}","body":"Call {{ enrolled_object.firstname }}"}"""),
                    setProperty("after", "yes")))
            .addContact(contact("c", "firstname", "Ada", "mobilephone", "+33600000000"));

    private boolean wentOn() {
        return simulator.contacts().find("c").orElseThrow().value("after").isPresent();
    }

    @Test
    void anSmsIsSentThenWaitsUntilDelivered() {
        simulator.enrol("f", "c");

        var sent = simulator.runUntil(START.plus(Duration.ofHours(2)));

        assertThat(sent.outbox().smsMessages()).singleElement().satisfies(sms -> {
            assertThat(sms.phoneNumber()).isEqualTo("+33600000000");
            assertThat(sms.body()).isEqualTo("Call Ada");
        });
        assertThat(historyOf(sent, "f", "c", "1").getFirst().detail()).isEqualTo("action initiated: SMS sent, waiting for its delivery");
        assertThat(wentOn()).isFalse();

        simulator.outbox().smsStatus("sms-1", SmsStatus.DELIVERED);
        var delivered = simulator.runUntil(START.plus(Duration.ofHours(4)));

        assertThat(lastOf(delivered, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_SUCCEEDED);
        assertThat(lastOf(delivered, "f", "c", "1").detail()).isEqualTo("SMS notification sent");
        assertThat(delivered.outbox().smsMessages()).hasSize(1);
        assertThat(wentOn()).isTrue();
    }

    @Test
    void aFailedDeliveryFailsTheActionAndTheFlowGoesOn() {
        simulator.enrol("f", "c");
        simulator.runUntil(START.plus(Duration.ofMinutes(30)));
        simulator.outbox().smsStatus("sms-1", SmsStatus.FAILED);

        var report = simulator.runUntil(START.plus(Duration.ofHours(2)));

        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
        assertThat(lastOf(report, "f", "c", "1").detail()).isEqualTo("unable to send because a fatal error occurred");
        assertThat(wentOn()).isTrue();
    }

    @Test
    void withoutStatusAfter72HoursTheContactMovesOn() {
        simulator.enrol("f", "c");

        assertThat(simulator.runUntil(START.plus(Duration.ofHours(71))).enrolments("f").getFirst().currentActionId())
                .isEqualTo("1");
        var report = simulator.runUntil(START.plus(Duration.ofHours(72)));

        assertThat(lastOf(report, "f", "c", "1").detail()).isEqualTo("no delivery status for the SMS after 72 hours: moved on");
        assertThat(wentOn()).isTrue();
    }

    @Test
    void overTheMonthlyLimitTheContactWaitsForNextMonthThenTheSmsIsSent() {
        simulator.outbox().smsAlreadySent(YearMonth.of(2026, 3), 1_000);
        simulator.enrol("f", "c");

        var capped = simulator.runUntil(START.plus(Duration.ofMinutes(5)));

        assertThat(capped.outbox().smsMessages()).isEmpty();
        assertThat(lastOf(capped, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_PENDING);
        assertThat(lastOf(capped, "f", "c", "1").detail()).startsWith("monthly SMS limit reached: waiting until "
                + START.atZone(ZONE).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(ZONE).toInstant());
        assertThat(wentOn()).isFalse();

        var nextMonth = simulator.runUntil(YearMonth.of(2026, 4).atDay(1).atStartOfDay(ZONE).toInstant()
                .plus(Duration.ofMinutes(5)));

        assertThat(nextMonth.outbox().smsMessages()).hasSize(1);
    }

    @Test
    void aZeroTwentyFiveWithCopyPropertyFieldsIsNotAnSmsAndIsSkipped() {
        var copy = new Simulator(START, ZONE)
                .addFlow(flow("f", action("0-25", """
                        {"source_property":"email","target_property":"work_email","target_object":"0-1"}"""),
                        setProperty("after", "yes")))
                .addContact(contact("c"));
        copy.enrol("f", "c");

        var report = copy.runUntil(START.plus(Duration.ofMinutes(5)));

        assertThat(report.outbox().smsMessages()).isEmpty();
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_SKIPPED);
        assertThat(lastOf(report, "f", "c", "1").detail()).isEqualTo("action 0-25 with fields [source_property, "
                + "target_object, target_property] is not an SMS (it has none of body, phone_number, user_ids): "
                + "not run by Flowline");
        assertThat(copy.contacts().find("c").orElseThrow().value("after")).contains("yes");
    }

    @Test
    void anSmsToUsersFailsWithTheReasonAndSendsNothing() {
        var toUsers = new Simulator(START, ZONE)
                .addFlow(flow("f", action("0-25", """
                        {"user_ids":["u1"],"phone_number":"+33600000000","body":"hello"}"""),
                        setProperty("after", "yes")))
                .addContact(contact("c"));
        toUsers.enrol("f", "c");

        var report = toUsers.runUntil(START.plus(Duration.ofMinutes(5)));

        assertThat(report.outbox().smsMessages()).isEmpty();
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
        assertThat(lastOf(report, "f", "c", "1").detail()).contains("user_ids").contains("phone numbers");
        assertThat(toUsers.contacts().find("c").orElseThrow().value("after")).contains("yes");
    }

    @Test
    void theLimitCountsTheCalendarMonthOfTheAccount() {
        // 1,000 sent in February do not count against March.
        simulator.outbox().smsAlreadySent(YearMonth.of(2026, 2), 1_000).smsAlreadySent(YearMonth.of(2026, 3), 999);
        simulator.enrol("f", "c");

        var report = simulator.runUntil(START.plus(Duration.ofMinutes(5)));

        assertThat(report.outbox().smsMessages()).hasSize(1);
    }
}
