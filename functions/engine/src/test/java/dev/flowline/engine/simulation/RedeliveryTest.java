package dev.flowline.engine.simulation;

import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.StepMessage;
import dev.flowline.engine.history.HistoryEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.Scenario.onlyEnrolment;
import static dev.flowline.engine.simulation.TestFlow.delay;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Queues deliver a step at least once: a copy or a stale step message must change nothing. */
class RedeliveryTest {

    /** An hour's wait, a marketing email, a day's wait. */
    private static Scenario enrolled() {
        var scenario = new Scenario()
                .flow(flow("A").manual(false).actions(delay("1", "2", 1, "HOURS"), marketingEmail("2", "3", "welcome"),
                        delayDays("3", null, 1)))
                .contact("c1");
        scenario.enrolByHand("A", "c1");
        return scenario;
    }

    private static List<HistoryEntry> historyOf(SimulationReport report) {
        return report.history().ofEnrolment(onlyEnrolment(report, "A", "c1").enrolmentId());
    }

    @Test
    void theSameStepMessageDeliveredTwiceSendsOnceAndRecordsOnce() {
        var scenario = enrolled();
        StepMessage emailStep = onlyEnrolment(scenario.runUntil(hours(0)), "A", "c1").nextStep();

        scenario.simulator().deliver(emailStep).deliver(emailStep);
        SimulationReport report = scenario.runUntil(hours(2));

        assertThat(report.outbox().marketingEmails()).hasSize(1);
        assertThat(historyOf(report)).extracting(HistoryEntry::actionId).containsExactly(null, "1", "2", "3");
    }

    @Test
    void aStaleStepMessageChangesNothing() {
        var scenario = enrolled();
        StepMessage emailStep = onlyEnrolment(scenario.runUntil(hours(0)), "A", "c1").nextStep();
        SimulationReport before = scenario.runUntil(hours(2));
        Enrolment moved = onlyEnrolment(before, "A", "c1");
        List<HistoryEntry> historyBefore = historyOf(before);

        scenario.simulator().deliver(emailStep);
        SimulationReport after = scenario.runUntil(hours(3));

        assertThat(onlyEnrolment(after, "A", "c1")).isEqualTo(moved);
        assertThat(historyOf(after)).isEqualTo(historyBefore);
        assertThat(after.outbox().marketingEmails()).hasSize(1);
    }

    @Test
    void aStepForAnEndedEnrolmentChangesNothing() {
        var scenario = enrolled();
        SimulationReport completed = scenario.runUntil(days(2));
        Enrolment done = onlyEnrolment(completed, "A", "c1");
        int lines = historyOf(completed).size();

        scenario.simulator().deliver(new StepMessage(done.enrolmentId(), done.sequence()));
        SimulationReport after = scenario.runUntil(days(3));

        assertThat(onlyEnrolment(after, "A", "c1")).isEqualTo(done);
        assertThat(historyOf(after)).hasSize(lines);
        assertThat(after.metrics("A").completed()).isEqualTo(1);
    }

    @Test
    void aStepWhoseNextStepCouldNotBeQueuedIsCarriedOnByItsRedelivery() {
        var scenario = enrolled();
        StepMessage delayStep = onlyEnrolment(scenario.simulator().report(), "A", "c1").nextStep();
        scenario.simulator().refuseNextSteps(1);

        assertThatIllegalStateException().isThrownBy(() -> scenario.runUntil(hours(0)));
        scenario.simulator().deliver(delayStep);
        SimulationReport report = scenario.runUntil(days(2));

        assertThat(onlyEnrolment(report, "A", "c1").status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(report.outbox().marketingEmails()).hasSize(1);
        assertThat(historyOf(report)).extracting(HistoryEntry::actionId).contains("2", "3");
        assertThat(report.metrics("A").completed()).isEqualTo(1);
    }

    @Test
    void anEnrolmentWhoseFirstStepCouldNotBeQueuedStartsWhenTheTriggerComesAgain() {
        var scenario = new Scenario()
                .flow(flow("A").manual(false).actions(marketingEmail("1", null, "welcome")))
                .contact("c1");
        scenario.simulator().refuseNextSteps(1);

        assertThatIllegalStateException().isThrownBy(() -> scenario.enrolByHand("A", "c1"));
        scenario.enrolByHand("A", "c1");
        SimulationReport report = scenario.runUntil(hours(1));

        assertThat(onlyEnrolment(report, "A", "c1").status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(report.outbox().marketingEmails()).hasSize(1);
    }

    @Test
    void aTriggeredEnrolmentWhoseFirstStepCouldNotBeQueuedStartsWhenTheContactChangeComesAgain() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(TestFlow.propertyIs("country", "NL")).actions(marketingEmail("1", null, "welcome")))
                .contact("c1")
                .set(hours(1), "c1", "country", "NL")
                .set(hours(2), "c1", "country", "Nederland");
        scenario.simulator().refuseNextSteps(1);

        assertThatIllegalStateException().isThrownBy(() -> scenario.runUntil(hours(1)));
        SimulationReport report = scenario.runUntil(hours(3));

        assertThat(onlyEnrolment(report, "A", "c1").status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(report.outbox().marketingEmails()).hasSize(1);
    }
}
