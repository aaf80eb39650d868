package dev.flowline.engine.enrolment;

import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.TestFlow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.enrolments;
import static dev.flowline.engine.simulation.Scenario.history;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.Scenario.onlyEnrolment;
import static dev.flowline.engine.simulation.TestFlow.addToList;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.removeFromList;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list action changes a membership as the lists API does: flows triggered by joining the list enrol, and flows
 * whose suppression list it is unenrol the contact at once; a removal, a contact already in the list and another list
 * trigger nothing.
 */
class ListActionTriggersTest {

    /** Waits a day, then sends an email; suppressed by list 77. */
    private static TestFlow nurture() {
        return flow("nurture").manual(false).suppressionLists(77)
                .actions(delayDays("1", "2", 1), marketingEmail("2", null, "welcome"));
    }

    /** Enrols on joining list 77, and sends an email. */
    private static TestFlow onJoining77() {
        return flow("joined").onJoiningList("77", true).actions(marketingEmail("1", null, "joined"));
    }

    private static TestFlow listAction(String action) {
        return flow("lister").manual(true).actions(action);
    }

    private static Scenario scenario(String action) {
        return new Scenario().staticList("77").staticList("88")
                .flow(nurture()).flow(onJoining77()).flow(listAction(action));
    }

    @Test
    void anActionThatAddsToASuppressionListUnenrolsAtOnceAndStartsTheListTriggeredFlow() {
        var scenario = scenario(addToList("1", null, "77")).contact("c1");
        scenario.enrolByHand("nurture", "c1");
        scenario.runUntil(hours(1));

        scenario.enrolByHand("lister", "c1");
        SimulationReport report = scenario.runUntil(hours(2));

        Enrolment nurtured = onlyEnrolment(report, "nurture", "c1");
        assertThat(nurtured.unenrolmentReason()).isEqualTo(UnenrolmentReason.SUPPRESSION_LIST);
        assertThat(nurtured.endedAt()).as("at once, not at its next step a day later").isBefore(Scenario.T0.plus(hours(2)));
        assertThat(onlyEnrolment(report, "joined", "c1").source()).isEqualTo(EnrolmentSource.TRIGGER);
        assertThat(history(report, "lister", "c1", HistoryKind.ACTION_SUCCEEDED)).singleElement()
                .satisfies(line -> assertThat(line.detail()).isEqualTo("added to list 77"));

        report = scenario.runUntil(days(3));
        assertThat(report.outbox().marketingEmails()).singleElement()
                .satisfies(email -> assertThat(email.contentId()).isEqualTo("joined"));
    }

    @Test
    void removingFromTheListTriggersNothing() {
        Scenario scenario = triggersNothing(removeFromList("1", null, "77"), "removed from list 77");

        assertThat(scenario.simulator().contacts().find("c1").orElseThrow().inStaticList("77")).isFalse();
    }

    @Test
    void addingAContactAlreadyInTheListTriggersNothing() {
        triggersNothing(addToList("1", null, "77"), "already in list 77");
    }

    /**
     * Runs the list action for a contact created in list 77 (which enrolled it in the flow triggered by joining the
     * list): the action succeeds with {@code detail}, and the contact enrols in nothing more.
     */
    private static Scenario triggersNothing(String action, String detail) {
        var scenario = scenario(action).contactInLists("c1", List.of("77"));
        assertThat(enrolments(scenario.runUntil(hours(1)), "joined", "c1")).as("created in the list").hasSize(1);

        scenario.enrolByHand("lister", "c1");
        SimulationReport report = scenario.runUntil(hours(2));

        assertThat(history(report, "lister", "c1", HistoryKind.ACTION_SUCCEEDED)).singleElement()
                .satisfies(line -> assertThat(line.detail()).isEqualTo(detail));
        assertThat(enrolments(report, "joined", "c1")).hasSize(1);
        return scenario;
    }

    @Test
    void addingToAnotherListLeavesBothFlowsAlone() {
        var scenario = scenario(addToList("1", null, "88")).contact("c1");
        scenario.enrolByHand("nurture", "c1");
        scenario.enrolByHand("lister", "c1");

        SimulationReport report = scenario.runUntil(hours(2));

        assertThat(scenario.simulator().contacts().find("c1").orElseThrow().inStaticList("88")).isTrue();
        assertThat(onlyEnrolment(report, "nurture", "c1").isActive()).isTrue();
        assertThat(enrolments(report, "joined", "c1")).isEmpty();
    }

    @Test
    void anUnknownListFailsTheActionAndTheContactMovesOn() {
        var scenario = scenario(addToList("1", null, "99")).contact("c1");
        scenario.enrolByHand("lister", "c1");

        SimulationReport report = scenario.runUntil(hours(1));

        assertThat(history(report, "lister", "c1", HistoryKind.ACTION_FAILED)).singleElement()
                .satisfies(line -> assertThat(line.detail()).isEqualTo("not added to list 99: there is no list 99"));
        assertThat(onlyEnrolment(report, "lister", "c1").status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(scenario.simulator().contacts().find("c1").orElseThrow().staticListIds()).isEmpty();
    }
}
