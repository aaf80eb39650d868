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
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/** Suppression lists' three cases (reference §6.3). */
class SuppressionListTest {

    private static TestFlow dutchContacts() {
        return flow("A").listBased(propertyIs("country", "NL"))
                .actions(delayDays("1", "2", 1), marketingEmail("2", null, "welcome"));
    }

    @Test
    void aContactInASuppressionListIsNeverEnrolledEvenWhenItLaterMeetsTheTriggers() {
        var scenario = new Scenario()
                .flow(dutchContacts().suppressionLists(77))
                .contactInLists("c1", List.of("77"), "country", "BE")
                .set(hours(1), "c1", "country", "NL");

        SimulationReport report = scenario.runUntil(days(3));

        assertThat(report.enrolments("A")).isEmpty();
        assertThat(history(report, "A", "c1", HistoryKind.NOT_ENROLLED)).singleElement()
                .satisfies(line -> assertThat(line.detail()).isEqualTo("found in a suppression list"));
    }

    @Test
    void aSuppressionListAddedToTheFlowUnenrolsEnrolledMembersWhenTheyReachTheirNextStep() {
        var scenario = new Scenario().flow(dutchContacts()).contactInLists("c1", List.of("77"), "country", "NL");
        scenario.runUntil(hours(1));
        scenario.flow(dutchContacts().suppressionLists(77));

        assertThat(onlyEnrolment(scenario.runUntil(hours(23)), "A", "c1").isActive()).isTrue();

        SimulationReport report = scenario.runUntil(days(3));
        Enrolment enrolment = onlyEnrolment(report, "A", "c1");
        assertThat(enrolment.unenrolmentReason()).isEqualTo(UnenrolmentReason.SUPPRESSION_LIST);
        assertThat(enrolment.endedAt()).isEqualTo(Scenario.T0.plus(days(1)));
        assertThat(report.outbox().marketingEmails()).isEmpty();
    }

    @Test
    void anEnrolledContactThatJoinsASuppressionListIsUnenrolledAtOnce() {
        var scenario = new Scenario()
                .flow(dutchContacts().suppressionLists(77))
                .contact("c1", "country", "NL")
                .join(hours(5), "c1", "77");

        Enrolment enrolment = onlyEnrolment(scenario.runUntil(days(3)), "A", "c1");

        assertThat(enrolment.unenrolmentReason()).isEqualTo(UnenrolmentReason.SUPPRESSION_LIST);
        assertThat(enrolment.endedAt()).isEqualTo(Scenario.T0.plus(hours(5)));
    }

    @Test
    void leavingTheSuppressionListOrRemovingItFromTheFlowEnrolsNobody() {
        var scenario = new Scenario()
                .flow(dutchContacts().suppressionLists(77))
                .contactInLists("leaves", List.of("77"), "country", "NL")
                .contactInLists("stays", List.of("77"), "country", "NL")
                .leave(hours(1), "leaves", "77");
        scenario.runUntil(hours(2));
        scenario.flow(dutchContacts());

        SimulationReport report = scenario.runUntil(days(3));

        assertThat(enrolments(report, "A", "leaves")).isEmpty();
        assertThat(enrolments(report, "A", "stays")).isEmpty();
    }
}
