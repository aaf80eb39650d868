package dev.flowline.engine.enrolment;

import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.TestFlow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.Scenario.onlyEnrolment;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enrolment guards apply in this order (reference §8.4): turned on, not already active, re-enrolment
 * allowed, not in a suppression list, goal not met; only then are other flows' enrolments removed.
 */
class GuardOrderTest {

    private static final String CUSTOMER = propertyIs("lifecyclestage", "customer");

    private static TestFlow guarded(boolean shouldReEnroll) {
        return flow("A").manual(shouldReEnroll).suppressionLists(77).goal(CUSTOMER).actions(delayDays("1", null, 2));
    }

    private static Scenario suppressedCustomer(TestFlow flow) {
        return new Scenario().flow(flow).contactInLists("c1", List.of("77"), "lifecyclestage", "customer");
    }

    @Test
    void aTurnedOffFlowIsTheFirstReason() {
        var scenario = suppressedCustomer(guarded(false).turnedOff());

        assertThat(scenario.enrolByHand("A", "c1").reason()).isEqualTo("the workflow is turned off");
    }

    @Test
    void anActiveEnrolmentComesBeforeTheReEnrolmentRule() {
        var scenario = new Scenario().flow(guarded(false)).contact("c1");
        scenario.enrolByHand("A", "c1");

        assertThat(scenario.enrolByHand("A", "c1").reason()).isEqualTo("the contact is already enrolled in this workflow");
    }

    @Test
    void theReEnrolmentRuleComesBeforeTheSuppressionLists() {
        var scenario = new Scenario().flow(guarded(false)).contact("c1").join(days(3), "c1", "77");
        scenario.enrolByHand("A", "c1");
        scenario.runUntil(days(4));

        assertThat(scenario.enrolByHand("A", "c1").reason())
                .isEqualTo("the contact was enrolled before and re-enrolment is off");
    }

    @Test
    void aContactBothSuppressedAndMeetingTheGoalIsFoundInASuppressionList() {
        var scenario = suppressedCustomer(guarded(true));

        assertThat(scenario.enrolByHand("A", "c1").reason()).isEqualTo("found in a suppression list");
    }

    @Test
    void otherFlowsKeepTheContactWhenAGuardRefusesIt() {
        var scenario = new Scenario()
                .flow(flow("other").manual(false).actions(delayDays("1", null, 2)))
                .flow(guarded(false).unEnrollFromOthers("ALL"))
                .contact("c1", "lifecyclestage", "customer");
        scenario.enrolByHand("other", "c1");

        assertThat(scenario.enrolByHand("A", "c1").isEnrolled()).isFalse();
        assertThat(onlyEnrolment(scenario.runUntil(hours(1)), "other", "c1").isActive()).isTrue();
    }
}
