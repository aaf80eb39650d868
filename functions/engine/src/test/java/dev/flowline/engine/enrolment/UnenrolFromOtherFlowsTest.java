package dev.flowline.engine.enrolment;

import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.Scenario.onlyEnrolment;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/** "Unenroll from other workflows when enrolled here": {@code unEnrollmentSetting} ALL and SELECTIVE (§6.4). */
class UnenrolFromOtherFlowsTest {

    private static Scenario inTwoFlows(String settingType, String... flowIds) {
        var scenario = new Scenario()
                .flow(flow("X").manual(false).actions(delayDays("1", null, 2)))
                .flow(flow("Y").manual(false).actions(delayDays("1", null, 2)))
                .flow(flow("Z").manual(false).unEnrollFromOthers(settingType, flowIds).actions(delayDays("1", null, 2)))
                .contact("c1");
        scenario.enrolByHand("X", "c1");
        scenario.enrolByHand("Y", "c1");
        return scenario;
    }

    @Test
    void enrollingInAFlowSetToAllUnenrolsTheContactFromEveryOtherFlow() {
        var scenario = inTwoFlows("ALL");

        scenario.enrolByHand("Z", "c1");
        SimulationReport report = scenario.runUntil(hours(1));

        assertThat(onlyEnrolment(report, "X", "c1").unenrolmentReason()).isEqualTo(UnenrolmentReason.ENROLLED_IN_OTHER_WORKFLOW);
        assertThat(onlyEnrolment(report, "Y", "c1").unenrolmentReason()).isEqualTo(UnenrolmentReason.ENROLLED_IN_OTHER_WORKFLOW);
        assertThat(onlyEnrolment(report, "Z", "c1").isActive()).isTrue();
    }

    @Test
    void enrollingInAFlowSetToSelectiveUnenrolsTheContactFromTheNamedFlowsOnly() {
        var scenario = inTwoFlows("SELECTIVE", "X");

        scenario.enrolByHand("Z", "c1");
        SimulationReport report = scenario.runUntil(hours(1));

        assertThat(onlyEnrolment(report, "X", "c1").unenrolmentReason()).isEqualTo(UnenrolmentReason.ENROLLED_IN_OTHER_WORKFLOW);
        assertThat(onlyEnrolment(report, "Y", "c1").isActive()).isTrue();
    }

    @Test
    void aContactUnenrolledByAnotherFlowDoesNotCountTowardTheFirstFlowsGoal() {
        var scenario = new Scenario()
                .flow(flow("X").manual(false).goal(propertyIs("lifecyclestage", "customer"))
                        .actions(marketingEmail("1", "2", "nurture"), delayDays("2", null, 2)))
                .flow(flow("Z").manual(false).unEnrollFromOthers("ALL").actions(delayDays("1", null, 2)))
                .contact("c1")
                .set(days(1), "c1", "lifecyclestage", "customer");
        scenario.enrolByHand("X", "c1");
        scenario.runUntil(hours(1));
        scenario.enrolByHand("Z", "c1");

        SimulationReport report = scenario.runUntil(days(3));

        assertThat(report.outbox().marketingEmails()).hasSize(1);
        assertThat(report.metrics("X").goalConversions()).isZero();
    }
}
