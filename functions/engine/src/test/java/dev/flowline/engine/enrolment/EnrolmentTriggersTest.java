package dev.flowline.engine.enrolment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.enrolments;
import static dev.flowline.engine.simulation.Scenario.history;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.Scenario.onlyEnrolment;
import static dev.flowline.engine.simulation.TestFlow.delay;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.equalsFilter;
import static dev.flowline.engine.simulation.TestFlow.event;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.inList;
import static dev.flowline.engine.simulation.TestFlow.isKnown;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.propertyChangedTo;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/** Enrolment and re-enrolment (reference §6.1, §6.12). */
class EnrolmentTriggersTest {

    private static final String ONE_HOUR = delay("1", null, 1, "HOURS");

    @Test
    void aFlowWithoutEnrolmentCriteriaEnrolsNobodyOnChangesAndHoldsNoChangeBack() {
        var tree = FlowlineJson.read(flow("A").actions(ONE_HOUR).build().toJson(), ObjectNode.class);
        tree.remove("enrollmentCriteria");
        var scenario = new Scenario().flow(FlowlineJson.read(tree, Flow.class))
                .flow(flow("B").listBased(propertyIs("country", "NL")).actions(ONE_HOUR))
                .contact("c1")
                .set(hours(1), "c1", "country", "NL");

        SimulationReport report = scenario.runUntil(hours(2));

        assertThat(report.enrolments("A")).isEmpty();
        assertThat(report.enrolments("B")).hasSize(1);
    }

    @Test
    void aListBasedFlowEnrolsOnTheEdgeFromNotMatchingToMatching() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL")).actions(ONE_HOUR))
                .contact("matching-at-creation", "country", "NL")
                .contact("matching-later")
                .contact("never-matching", "country", "BE")
                .set(hours(2), "matching-later", "country", "NL");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(onlyEnrolment(report, "A", "matching-at-creation").enrolledAt()).isEqualTo(Scenario.T0);
        assertThat(onlyEnrolment(report, "A", "matching-later").enrolledAt()).isEqualTo(Scenario.T0.plus(hours(2)));
        assertThat(enrolments(report, "A", "never-matching")).isEmpty();
    }

    @Test
    void stayingInTheListDoesNotEnrolAgainEvenWithReEnrolmentOn() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(inList("10"), true, false).actions(ONE_HOUR))
                .contact("c1")
                .join(hours(1), "c1", "10")
                .set(hours(3), "c1", "city", "Utrecht")
                .set(hours(5), "c1", "city", "Lyon");

        assertThat(enrolments(scenario.runUntil(days(1)), "A", "c1")).hasSize(1);
    }

    @Test
    void leavingAndRejoiningTheListReEnrolsOnlyWhenReEnrolmentIsOn() {
        var scenario = new Scenario()
                .flow(flow("reEnrols").listBased(inList("10"), true, false).actions(ONE_HOUR))
                .flow(flow("enrolsOnce").listBased(inList("10"), false, false).actions(ONE_HOUR))
                .contact("c1")
                .join(hours(1), "c1", "10")
                .leave(hours(3), "c1", "10")
                .join(hours(4), "c1", "10");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(enrolments(report, "reEnrols", "c1")).hasSize(2)
                .extracting(Enrolment::source).containsExactly(EnrolmentSource.TRIGGER, EnrolmentSource.RE_ENROLMENT);
        assertThat(enrolments(report, "enrolsOnce", "c1")).hasSize(1);
    }

    @Test
    void reEnrolmentNeedsAReEnrolmentTriggerAndTheEnrolmentTriggersAtThatMoment() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL"), true, false, propertyChangedTo("stage", "lead"))
                        .actions(ONE_HOUR))
                .contact("still-matching", "country", "NL")
                .contact("no-longer-matching", "country", "NL")
                .set(hours(2), "no-longer-matching", "country", "BE")
                .set(hours(3), "still-matching", "stage", "lead")
                .set(hours(3), "no-longer-matching", "stage", "lead");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(enrolments(report, "A", "still-matching")).hasSize(2);
        assertThat(enrolments(report, "A", "no-longer-matching")).hasSize(1);
    }

    @Test
    void aPropertyChangeReEnrolmentTriggerFiresEachTimeThePropertyChangesToItsValue() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL"), true, false, propertyChangedTo("stage", "lead"))
                        .actions(ONE_HOUR))
                .contact("c1", "country", "NL")
                .set(hours(2), "c1", "stage", "lead")
                .set(hours(4), "c1", "stage", "customer")
                .set(hours(6), "c1", "stage", "lead");

        assertThat(enrolments(scenario.runUntil(days(1)), "A", "c1")).hasSize(3);
    }

    @Test
    void anIsKnownReEnrolmentTriggerFiresOnGainingAValueAndOnEveryChangeOfValue() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL"), true, false, isKnown("phone")).actions(ONE_HOUR))
                .contact("c1", "country", "NL")
                .set(hours(2), "c1", "phone", "0101")
                .set(hours(4), "c1", "phone", "0202")
                .set(hours(6), "c1", "phone", "")
                .set(hours(8), "c1", "city", "Delft");

        assertThat(enrolments(scenario.runUntil(days(1)), "A", "c1")).extracting(Enrolment::enrolledAt)
                .containsExactly(Scenario.T0, Scenario.T0.plus(hours(2)), Scenario.T0.plus(hours(4)));
    }

    @Test
    void aContactNeverReEnrolsWhileItIsStillEnrolled() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(inList("10"), true, false).actions(delayDays("1", null, 2)))
                .contact("c1")
                .join(hours(1), "c1", "10")
                .leave(hours(2), "c1", "10")
                .join(hours(3), "c1", "10");

        assertThat(enrolments(scenario.runUntil(days(4)), "A", "c1")).hasSize(1);
    }

    @Test
    void aContactHasOneActiveEnrolmentPerFlow() {
        var scenario = new Scenario().flow(flow("A").manual(true).actions(delayDays("1", null, 2))).contact("c1");
        scenario.runUntil(hours(1));

        assertThat(scenario.enrolByHand("A", "c1").isEnrolled()).isTrue();
        EnrolmentDecision second = scenario.enrolByHand("A", "c1");

        assertThat(second.isEnrolled()).isFalse();
        assertThat(second.reason()).isEqualTo("the contact is already enrolled in this workflow");
        assertThat(scenario.runUntil(hours(2)).statuses("A")).containsExactlyEntriesOf(
                java.util.Map.of(EnrolmentStatus.ACTIVE, 1L));
    }

    @Test
    void aFormSubmissionEnrolsWhenItsFormAndTheRefinementCriteriaMatch() {
        var scenario = new Scenario()
                .flow(flow("A").eventBased(false, propertyIs("country", "NL"),
                        event("4-1639801", equalsFilter("hs_form_id", "demo-request"))).actions(ONE_HOUR))
                .contact("dutch", "country", "NL")
                .contact("belgian", "country", "BE")
                .contact("other-form", "country", "NL")
                .event(hours(1), "dutch", "4-1639801", "hs_form_id", "demo-request")
                .event(hours(1), "belgian", "4-1639801", "hs_form_id", "demo-request")
                .event(hours(1), "other-form", "4-1639801", "hs_form_id", "newsletter")
                .event(hours(3), "dutch", "4-1639801", "hs_form_id", "demo-request");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(enrolments(report, "A", "dutch")).hasSize(1);
        assertThat(enrolments(report, "A", "belgian")).isEmpty();
        assertThat(enrolments(report, "A", "other-form")).isEmpty();
    }

    @Test
    void anEventBasedFlowWithReEnrolmentEnrolsAgainOnTheNextEvent() {
        var scenario = new Scenario()
                .flow(flow("A").eventBased(true, null, event("4-1639801")).actions(ONE_HOUR))
                .contact("c1")
                .event(hours(1), "c1", "4-1639801", "hs_form_id", "f1")
                .event(hours(3), "c1", "4-1639801", "hs_form_id", "f1");

        assertThat(enrolments(scenario.runUntil(days(1)), "A", "c1")).extracting(Enrolment::source)
                .containsExactly(EnrolmentSource.TRIGGER, EnrolmentSource.RE_ENROLMENT);
    }

    @Test
    void joiningAListEnrolsThroughListMembershipFilterBranches() {
        var scenario = new Scenario()
                .flow(flow("A").onJoiningList("20", false).actions(ONE_HOUR))
                .contact("joins")
                .contact("stays-out")
                .join(hours(1), "joins", "20")
                .set(hours(2), "stays-out", "city", "Lille");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(onlyEnrolment(report, "A", "joins").enrolledAt()).isEqualTo(Scenario.T0.plus(hours(1)));
        assertThat(enrolments(report, "A", "stays-out")).isEmpty();
    }

    @Test
    void manualEnrolmentIgnoresTheTriggers() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL")).actions(ONE_HOUR))
                .contact("c1", "country", "BE");

        EnrolmentDecision decision = scenario.enrolByHand("A", "c1");

        assertThat(decision.isEnrolled()).isTrue();
        assertThat(decision.enrolment().orElseThrow().source()).isEqualTo(EnrolmentSource.MANUAL);
    }

    @Test
    void manualEnrolmentRefusesAContactInASuppressionList() {
        var scenario = new Scenario()
                .flow(flow("A").manual(true).suppressionLists(77).actions(ONE_HOUR))
                .contactInLists("c1", List.of("77"));

        EnrolmentDecision decision = scenario.enrolByHand("A", "c1");

        assertThat(decision.isEnrolled()).isFalse();
        assertThat(decision.reason()).isEqualTo("found in a suppression list");
    }

    @Test
    void manualEnrolmentRefusesAPreviouslyEnrolledContactWhenReEnrolmentIsOff() {
        var scenario = new Scenario()
                .flow(flow("once").manual(false).actions(ONE_HOUR))
                .flow(flow("again").manual(true).actions(ONE_HOUR))
                .contact("c1");
        scenario.enrolByHand("once", "c1");
        scenario.enrolByHand("again", "c1");
        scenario.runUntil(hours(2));

        EnrolmentDecision once = scenario.enrolByHand("once", "c1");
        EnrolmentDecision again = scenario.enrolByHand("again", "c1");

        assertThat(once.isEnrolled()).isFalse();
        assertThat(once.reason()).isEqualTo("the contact was enrolled before and re-enrolment is off");
        assertThat(again.isEnrolled()).isTrue();
    }

    @Test
    void aTurnedOffFlowEnrolsNobody() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL")).turnedOff().actions(ONE_HOUR))
                .contact("c1", "country", "NL")
                .contact("c2")
                .set(hours(1), "c2", "country", "NL");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(report.enrolments("A")).isEmpty();
        assertThat(scenario.enrolByHand("A", "c1").reason()).isEqualTo("the workflow is turned off");
    }

    @Test
    void aTurnedOffFlowsEnrolledContactsGoOnThroughDelaysWhileOtherActionsAreSkipped() {
        var on = flow("A").manual(false).actions(delayDays("1", "2", 1), marketingEmail("2", "3", "welcome"),
                delayDays("3", null, 1));
        var scenario = new Scenario().flow(on).contact("c1");
        scenario.enrolByHand("A", "c1");
        scenario.runUntil(hours(12));
        scenario.flow(on.turnedOff());

        SimulationReport beforeLastDelayEnds = scenario.runUntil(hours(47));
        assertThat(onlyEnrolment(beforeLastDelayEnds, "A", "c1").status()).isEqualTo(EnrolmentStatus.ACTIVE);

        SimulationReport report = scenario.runUntil(days(3));
        assertThat(report.outbox().marketingEmails()).isEmpty();
        assertThat(history(report, "A", "c1", HistoryKind.ACTION_SKIPPED)).singleElement()
                .satisfies(line -> {
                    assertThat(line.actionId()).isEqualTo("2");
                    assertThat(line.detail()).isEqualTo("the workflow is turned off: only delays run");
                });
        assertThat(onlyEnrolment(report, "A", "c1").endedAt()).isEqualTo(Scenario.T0.plus(days(2)));
        assertThat(onlyEnrolment(report, "A", "c1").status()).isEqualTo(EnrolmentStatus.COMPLETED);
    }

    @Test
    void aDeletedContactIsUnenrolledAtItsNextStep() {
        var scenario = new Scenario()
                .flow(flow("A").manual(false).actions(delayDays("1", "2", 1), marketingEmail("2", null, "welcome")))
                .contact("c1");
        scenario.enrolByHand("A", "c1");
        scenario.delete(hours(2), "c1");

        assertThat(onlyEnrolment(scenario.runUntil(hours(12)), "A", "c1").isActive()).isTrue();

        SimulationReport report = scenario.runUntil(days(2));
        Enrolment enrolment = onlyEnrolment(report, "A", "c1");
        assertThat(enrolment.unenrolmentReason()).isEqualTo(UnenrolmentReason.CONTACT_DELETED);
        assertThat(enrolment.endedAt()).isEqualTo(Scenario.T0.plus(days(1)));
        assertThat(report.outbox().marketingEmails()).isEmpty();
    }

    @Test
    void contactsThatStopMeetingTheTriggersAreUnenrolledOnlyWhenTheFlowSaysSo() {
        var scenario = new Scenario()
                .flow(flow("unenrols").listBased(propertyIs("country", "NL"), false, true).actions(delayDays("1", null, 2)))
                .flow(flow("keeps").listBased(propertyIs("country", "NL"), false, false).actions(delayDays("1", null, 2)))
                .contact("c1", "country", "NL")
                .set(hours(5), "c1", "country", "BE");

        SimulationReport report = scenario.runUntil(days(1));

        Enrolment unenrolled = onlyEnrolment(report, "unenrols", "c1");
        assertThat(unenrolled.unenrolmentReason()).isEqualTo(UnenrolmentReason.NO_LONGER_MEETS_CRITERIA);
        assertThat(unenrolled.endedAt()).isEqualTo(Scenario.T0.plus(hours(5)));
        assertThat(onlyEnrolment(report, "keeps", "c1").isActive()).isTrue();
    }

    @Test
    void unenrolmentForNoLongerMatchingHappensOnTheTransitionFromMatchingOnly() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL"), false, true).actions(delayDays("1", null, 2)))
                .contact("c1", "country", "BE")
                .set(hours(2), "c1", "city", "Antwerp")
                .set(hours(3), "c1", "country", "FR");
        scenario.enrolByHand("A", "c1");

        assertThat(onlyEnrolment(scenario.runUntil(days(1)), "A", "c1").isActive()).isTrue();
    }
}
