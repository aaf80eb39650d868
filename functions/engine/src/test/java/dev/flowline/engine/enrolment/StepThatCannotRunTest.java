package dev.flowline.engine.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.TestFlow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.history;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.Scenario.onlyEnrolment;
import static dev.flowline.engine.simulation.TestFlow.anyOf;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.ifThen;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flows stored before their numbers were range-checked can hold a step the engine cannot run. Such a step ends
 * its enrolment with {@link UnenrolmentReason#ACTION_CANNOT_RUN} and the reason in the history, instead of
 * failing every delivery until the message is dead-lettered and the enrolment stays active for ever, and never
 * lets the contact move on to the next action early. A service that is down still fails the step, for the queue
 * to retry.
 */
class StepThatCannotRunTest {

    /** A delay of {@code delta} {@code unit} (written as given), then a marketing email. */
    private static TestFlow delayThenEmail(String delta, String unit) {
        return flow("A").manual(false).actions("""
                {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-1",
                 "fields":{"delta":"%s","time_unit":"%s"},"connection":{"edgeType":"STANDARD","nextActionId":"2"}}"""
                .formatted(delta, unit), marketingEmail("2", null, "welcome"));
    }

    private static SimulationReport enrolAndRun(Flow flow, Duration until) {
        var scenario = new Scenario().flow(flow).contact("c1");
        scenario.enrolByHand("A", "c1");
        return scenario.runUntil(until);
    }

    private static SimulationReport enrolAndRun(TestFlow flow, Duration until) {
        return enrolAndRun(flow.build(), until);
    }

    private static List<String> unenrolments(SimulationReport report) {
        return history(report, "A", "c1", HistoryKind.UNENROLLED).stream().map(HistoryEntry::detail).toList();
    }

    @Test
    void aStoredFlowWithAnOverflowingDelayEndsTheEnrolmentWithAReason() {
        SimulationReport report = enrolAndRun(delayThenEmail("9223372036854775807", "MINUTES"), days(1));

        Enrolment enrolment = onlyEnrolment(report, "A", "c1");
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(enrolment.unenrolmentReason()).isEqualTo(UnenrolmentReason.ACTION_CANNOT_RUN);
        assertThat(unenrolments(report)).containsExactly("unenrolled: action 1 cannot run: the delay's delta"
                + " \"9223372036854775807\" in time_unit \"MINUTES\" is not a whole number of MINUTES, HOURS, DAYS or"
                + " WEEKS of at most 1830 days");
        assertThat(report.metrics("A").unenrolledByReason()).containsEntry(UnenrolmentReason.ACTION_CANNOT_RUN, 1L);
    }

    @Test
    void aStoredFlowWithAnOverflowingDelayNeverSendsTheNextEmail() {
        SimulationReport report = enrolAndRun(delayThenEmail("99999999999999999999", "DAYS"), days(30));

        assertThat(report.outbox().marketingEmails()).isEmpty();
        assertThat(onlyEnrolment(report, "A", "c1").unenrolmentReason()).isEqualTo(UnenrolmentReason.ACTION_CANNOT_RUN);
        assertThat(history(report, "A", "c1", HistoryKind.ACTION_SUCCEEDED)).isEmpty();
    }

    @Test
    void theLargestAcceptedDelaySendsTheEmailWhenItEnds() {
        var scenario = new Scenario().flow(delayThenEmail("1830", "DAYS")).contact("c1");
        scenario.enrolByHand("A", "c1");

        assertThat(scenario.runUntil(days(1830).minus(hours(1))).outbox().marketingEmails()).isEmpty();
        SimulationReport report = scenario.runUntil(days(1830));
        assertThat(report.outbox().marketingEmails()).hasSize(1);
        assertThat(onlyEnrolment(report, "A", "c1").status()).isEqualTo(EnrolmentStatus.COMPLETED);
    }

    @Test
    void aDelayOfZeroSendsTheEmailAtOnce() {
        SimulationReport report = enrolAndRun(delayThenEmail("0", "MINUTES"), hours(0));

        assertThat(report.outbox().marketingEmails()).hasSize(1);
        assertThat(onlyEnrolment(report, "A", "c1").status()).isEqualTo(EnrolmentStatus.COMPLETED);
    }

    @Test
    void aStoredDelayUntilAnUnreadableDateEndsTheEnrolmentInsteadOfMovingOn() {
        TestFlow flow = flow("A").manual(false).actions("""
                {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-35",
                 "fields":{"date":{"type":"STATIC_VALUE","staticValue":"next spring"}},
                 "connection":{"edgeType":"STANDARD","nextActionId":"2"}}""", marketingEmail("2", null, "welcome"));

        SimulationReport report = enrolAndRun(flow, days(1));

        assertThat(report.outbox().marketingEmails()).isEmpty();
        assertThat(unenrolments(report)).containsExactly("unenrolled: action 1 cannot run: the delay's date"
                + " \"next spring\" is not a date in the years 1 to 9999");
    }

    @Test
    void aStoredIfThenOnADayThatDoesNotExistEndsTheEnrolment() {
        String february30 = anyOf("""
                {"filterType":"PROPERTY","property":"renewal","operation":{"operationType":"DATE","operator":"EQUAL",
                 "year":2026,"month":"2","day":30}}""");
        TestFlow flow = flow("A").manual(false).actions(ifThen("1", "renews", february30, "2", "2"),
                marketingEmail("2", null, "welcome"));

        SimulationReport report = enrolAndRun(flow, days(1));

        assertThat(report.outbox().marketingEmails()).isEmpty();
        assertThat(unenrolments(report)).singleElement().asString().startsWith("unenrolled: action 1 cannot run: ");
    }

    @Test
    void aStoredTaskDueBeyondTheLastInstantEndsTheEnrolment() {
        TestFlow flow = flow("A").manual(false).actions("""
                {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-3",
                 "fields":{"task_type":"TODO","subject":"Call","due_time":{"delta":"9223372036854775807","timeUnit":"DAYS"}}}""");

        SimulationReport report = enrolAndRun(flow, days(1));

        assertThat(report.outbox().tasks()).isEmpty();
        assertThat(onlyEnrolment(report, "A", "c1").unenrolmentReason()).isEqualTo(UnenrolmentReason.ACTION_CANNOT_RUN);
    }

    @Test
    void aStoredFlowWhosePauseDatesBlockEveryDayEndsTheEnrolment() {
        ObjectNode json = (ObjectNode) FlowlineJson.read(delayThenEmail("1", "HOURS").build().toJson(),
                JsonNode.class);
        ArrayNode blocked = json.putArray("blockedDates");
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
            blocked.addObject().put("dayOfMonth", day.getDayOfMonth()).put("month", day.getMonth().name());
        }

        SimulationReport report = enrolAndRun(Flow.parse(json.toString()), days(1));

        assertThat(report.outbox().marketingEmails()).isEmpty();
        assertThat(unenrolments(report)).containsExactly("unenrolled: action 2 cannot run: the workflow's pause"
                + " dates leave no execution time in the next 1830 days");
    }

    @Test
    void aServiceThatIsDownStillFailsTheStepSoTheQueueRetries() {
        var scenario = new Scenario().flow(flow("A").manual(false).actions("""
                {"type":"WEBHOOK","actionId":"1","method":"POST","webhookUrl":"https://hooks.example.com/x",
                 "queryParams":[]}""")).contact("c1");
        scenario.simulator().outbox().answerWebhooks(request -> {
            throw new UncheckedIOException(new IOException("connection reset"));
        });
        scenario.enrolByHand("A", "c1");

        assertThatThrownBy(() -> scenario.runUntil(hours(1))).isInstanceOf(UncheckedIOException.class);
        SimulationReport report = scenario.simulator().report();
        assertThat(onlyEnrolment(report, "A", "c1").status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(unenrolments(report)).isEmpty();
    }
}
