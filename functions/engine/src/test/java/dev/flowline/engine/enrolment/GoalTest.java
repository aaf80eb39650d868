package dev.flowline.engine.enrolment;

import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.TestFlow;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.enrolments;
import static dev.flowline.engine.simulation.Scenario.history;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.Scenario.onlyEnrolment;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.equalsFilter;
import static dev.flowline.engine.simulation.TestFlow.event;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.internalEmail;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Goals in contact workflows (reference §6.2; the goals articles: "Utiliser des objectifs dans les workflows
 * basés sur les contacts", "Doelen gebruiken in contactgebaseerde workflows").
 */
class GoalTest {

    private static final String CUSTOMER = propertyIs("lifecyclestage", "customer");

    /** Dutch contacts get a marketing email, then wait two days. */
    private static TestFlow nurture(String id) {
        return flow(id).listBased(propertyIs("country", "NL")).goal(CUSTOMER)
                .actions(marketingEmail("1", "2", "nurture"), delayDays("2", null, 2));
    }

    @Test
    void aContactThatAlreadyMeetsTheGoalIsNotEnrolledAndNotCounted() {
        var scenario = new Scenario().flow(nurture("A")).contact("c1", "country", "NL", "lifecyclestage", "customer");

        SimulationReport report = scenario.runUntil(days(3));

        assertThat(report.enrolments("A")).isEmpty();
        assertThat(report.metrics("A").enrolled()).isZero();
        assertThat(report.metrics("A").goalConversions()).isZero();
        assertThat(history(report, "A", "c1", HistoryKind.NOT_ENROLLED)).singleElement()
                .satisfies(line -> assertThat(line.detail()).isEqualTo("the contact already meets the workflow's goal"));
    }

    @Test
    void aContactThatMeetsTheGoalWhileEnrolledIsUnenrolledBeforeTheNextAction() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL")).goal(CUSTOMER).actions(
                        marketingEmail("1", "2", "first"), delayDays("2", "3", 2), marketingEmail("3", null, "second")))
                .contact("c1", "country", "NL")
                .set(days(1), "c1", "lifecyclestage", "customer");

        SimulationReport report = scenario.runUntil(days(4));

        Enrolment enrolment = onlyEnrolment(report, "A", "c1");
        assertThat(enrolment.unenrolmentReason()).isEqualTo(UnenrolmentReason.GOAL_MET);
        assertThat(enrolment.endedAt()).isEqualTo(Scenario.T0.plus(days(1)));
        assertThat(report.outbox().marketingEmails()).extracting(m -> m.contentId()).containsExactly("first");
    }

    @Test
    void onlyContactsSentAMarketingEmailByTheFlowCountTowardTheGoal() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL")).goal(CUSTOMER).actions(
                        delayDays("1", "2", 1), marketingEmail("2", "3", "offer"), delayDays("3", null, 2)))
                .contact("before-the-email", "country", "NL")
                .contact("after-the-email", "country", "NL")
                .set(hours(12), "before-the-email", "lifecyclestage", "customer")
                .set(days(2), "after-the-email", "lifecyclestage", "customer");

        SimulationReport report = scenario.runUntil(days(4));

        assertThat(report.metrics("A").goalConversions()).isEqualTo(1);
        assertThat(onlyEnrolment(report, "A", "before-the-email").goalConverted()).isFalse();
        assertThat(onlyEnrolment(report, "A", "after-the-email").goalConverted()).isTrue();
        assertThat(report.metrics("A").unenrolledByReason()).containsEntry(UnenrolmentReason.GOAL_MET, 2L);
    }

    @Test
    void internalEmailsDoNotCountTowardTheGoal() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL")).goal(CUSTOMER)
                        .actions(internalEmail("1", "2"), delayDays("2", null, 2)))
                .contact("c1", "country", "NL")
                .set(days(1), "c1", "lifecyclestage", "customer");

        SimulationReport report = scenario.runUntil(days(3));

        assertThat(report.outbox().internalEmails()).hasSize(1);
        assertThat(onlyEnrolment(report, "A", "c1").unenrolmentReason()).isEqualTo(UnenrolmentReason.GOAL_MET);
        assertThat(report.metrics("A").goalConversions()).isZero();
    }

    @Test
    void aContactThatMeetsTheGoalAfterCompletingTheFlowIsCountedOnce() {
        var scenario = new Scenario()
                .flow(nurture("A"))
                .contact("c1", "country", "NL")
                .set(days(3), "c1", "lifecyclestage", "customer")
                .set(days(4), "c1", "lifecyclestage", "lead")
                .set(days(5), "c1", "lifecyclestage", "customer");

        SimulationReport report = scenario.runUntil(days(6));

        Enrolment enrolment = onlyEnrolment(report, "A", "c1");
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(enrolment.goalConverted()).isTrue();
        assertThat(report.metrics("A").goalConversions()).isEqualTo(1);
        assertThat(history(report, "A", "c1", HistoryKind.GOAL_MET)).hasSize(1);
    }

    @Test
    void aCountedContactStaysCountedWhenItStopsMeetingTheGoal() {
        var scenario = new Scenario()
                .flow(nurture("A"))
                .contact("c1", "country", "NL")
                .set(days(1), "c1", "lifecyclestage", "customer")
                .set(days(2), "c1", "lifecyclestage", "evangelist");

        SimulationReport report = scenario.runUntil(days(3));

        assertThat(onlyEnrolment(report, "A", "c1").goalConverted()).isTrue();
        assertThat(report.metrics("A").goalConversions()).isEqualTo(1);
    }

    @Test
    void contactsUnenrolledForOtherReasonsAreNotCountedWhenTheyMeetTheGoalLater() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL"), false, true).goal(CUSTOMER).suppressionLists(77)
                        .actions(marketingEmail("1", "2", "nurture"), delayDays("2", null, 2)))
                .contact("suppressed", "country", "NL")
                .contact("no-longer-matching", "country", "NL")
                .join(hours(6), "suppressed", "77")
                .set(hours(6), "no-longer-matching", "country", "BE")
                .set(days(1), "suppressed", "lifecyclestage", "customer")
                .set(days(1), "no-longer-matching", "lifecyclestage", "customer");

        SimulationReport report = scenario.runUntil(days(3));

        assertThat(report.outbox().marketingEmails()).hasSize(2);
        assertThat(report.metrics("A").goalConversions()).isZero();
        assertThat(report.metrics("A").unenrolledByReason()).containsOnlyKeys(
                UnenrolmentReason.SUPPRESSION_LIST, UnenrolmentReason.NO_LONGER_MEETS_CRITERIA);
    }

    @Test
    void theConversionRateIsContactsThatMetTheGoalOverContactsThatStartedTheFlow() {
        var scenario = new Scenario().flow(nurture("A"))
                .contact("c1", "country", "NL")
                .contact("c2", "country", "NL")
                .contact("c3", "country", "NL")
                .contact("c4", "country", "NL")
                .set(days(1), "c1", "lifecyclestage", "customer");

        SimulationReport report = scenario.runUntil(days(3));

        assertThat(report.metrics("A").enrolled()).isEqualTo(4);
        assertThat(report.metrics("A").goalConversionRate()).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void aWorkflowGoalMetTriggerEnrolsOnlyContactsThatCountTowardTheGoal() {
        var scenario = new Scenario()
                .flow(nurture("withEmail"))
                .flow(flow("withoutEmail").listBased(propertyIs("country", "NL")).goal(CUSTOMER)
                        .actions(internalEmail("1", "2"), delayDays("2", null, 2)))
                .flow(flow("afterWithEmail").eventBased(false, null,
                        event("4-1753168", equalsFilter("hs_flow_id", "withEmail"))).actions(delayDays("1", null, 1)))
                .flow(flow("afterWithoutEmail").eventBased(false, null,
                        event("4-1753168", equalsFilter("hs_flow_id", "withoutEmail"))).actions(delayDays("1", null, 1)))
                .contact("c1", "country", "NL")
                .set(days(1), "c1", "lifecyclestage", "customer");

        SimulationReport report = scenario.runUntil(days(3));

        assertThat(enrolments(report, "afterWithEmail", "c1")).hasSize(1);
        assertThat(enrolments(report, "afterWithoutEmail", "c1")).isEmpty();
    }

    @Test
    void enrolledAndUnenrolledEventsLetOtherFlowsEnrol() {
        var scenario = new Scenario()
                .flow(nurture("A"))
                .flow(flow("onEnrolled").eventBased(false, null,
                        event("4-1466013", equalsFilter("hs_flow_id", "A"))).actions(delayDays("1", null, 1)))
                .flow(flow("onUnenrolled").eventBased(false, null,
                        event("4-1466014", equalsFilter("hs_flow_id", "A"))).actions(delayDays("1", null, 1)))
                .contact("c1", "country", "NL")
                .set(days(1), "c1", "lifecyclestage", "customer");

        SimulationReport report = scenario.runUntil(days(3));

        assertThat(onlyEnrolment(report, "onEnrolled", "c1").enrolledAt()).isEqualTo(Scenario.T0);
        assertThat(onlyEnrolment(report, "onUnenrolled", "c1").enrolledAt()).isEqualTo(Scenario.T0.plus(days(1)));
    }
}
