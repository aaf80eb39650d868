package dev.flowline.engine.enrolment;

import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.TestFlow;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.Scenario.onlyEnrolment;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/** What a new revision of a flow changes for what is under way. */
class FlowRevisionsTest {

    private static TestFlow nurture() {
        return flow("A").listBased(propertyIs("country", "NL"))
                .actions(marketingEmail("1", "2", "nurture"), delayDays("2", null, 2));
    }

    /** Two contacts converted, from a flow with the goal "customer". */
    private static Scenario converted() {
        var scenario = new Scenario().flow(nurture().goal(propertyIs("lifecyclestage", "customer")))
                .contact("c1", "country", "NL")
                .contact("c2", "country", "NL")
                .set(hours(1), "c1", "lifecyclestage", "customer")
                .set(hours(1), "c2", "lifecyclestage", "customer");
        assertThat(scenario.runUntil(hours(2)).metrics("A").goalConversions()).isEqualTo(2);
        return scenario;
    }

    @Test
    void clearingAllGoalCriteriaResetsTheGoalCountAndTheConversionRate() {
        var scenario = converted();

        scenario.simulator().updateFlow(nurture().build());
        SimulationReport report = scenario.runUntil(hours(3));

        assertThat(report.metrics("A").goalConversions()).isZero();
        assertThat(report.metrics("A").goalConversionRate()).isZero();
    }

    @Test
    void changingTheGoalCriteriaKeepsTheGoalCount() {
        var scenario = converted();

        scenario.simulator().updateFlow(nurture().goal(propertyIs("lifecyclestage", "evangelist")).build());
        SimulationReport report = scenario.runUntil(hours(3));

        assertThat(report.metrics("A").goalConversions()).isEqualTo(2);
        assertThat(report.metrics("A").goalConversionRate()).isEqualTo(100.0);
    }

    @Test
    void anEnrolmentWhoseNextActionWasRemovedCompletesAtItsNextStep() {
        var before = flow("A").manual(false).actions(delayDays("1", "2", 1), marketingEmail("2", null, "removed"));
        var scenario = new Scenario().flow(before).contact("c1");
        scenario.enrolByHand("A", "c1");
        scenario.runUntil(hours(2));

        scenario.simulator().updateFlow(flow("A").manual(false).actions(delayDays("1", null, 1)).build());
        SimulationReport report = scenario.runUntil(days(2));

        Enrolment enrolment = onlyEnrolment(report, "A", "c1");
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(enrolment.endedAt()).isEqualTo(Scenario.T0.plus(days(1)));
        assertThat(report.outbox().marketingEmails()).isEmpty();
    }
}
