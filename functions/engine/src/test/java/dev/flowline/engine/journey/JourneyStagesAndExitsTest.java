package dev.flowline.engine.journey;

import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.simulation.InMemoryFlowStore;
import dev.flowline.engine.simulation.InMemoryJourneyStore;
import dev.flowline.engine.simulation.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.journey.TestJourney.LIST;
import static dev.flowline.engine.journey.TestJourney.PROPERTY;
import static dev.flowline.engine.journey.TestJourney.WON_LIST;
import static dev.flowline.engine.journey.TestJourney.delay;
import static dev.flowline.engine.journey.TestJourney.email;
import static dev.flowline.engine.journey.TestJourney.goToExit;
import static dev.flowline.engine.journey.TestJourney.journey;
import static dev.flowline.engine.journey.TestJourney.publish;
import static dev.flowline.engine.journey.TestJourney.sms;
import static dev.flowline.engine.journey.TestJourney.stage;
import static dev.flowline.engine.journey.TestJourney.stageFlow;
import static dev.flowline.engine.journey.TestJourney.task;
import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.hours;
import static org.assertj.core.api.Assertions.assertThat;

class JourneyStagesAndExitsTest {

    private final Scenario scenario = new Scenario().staticList(WON_LIST);
    private final Journeys journeys = scenario.simulator().journeys();

    @Test
    void whenThePropertyTakesAnotherStagesValueTheContactMovesToThatStagesFlow() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.set(hours(2), "ada", PROPERTY, "engaged");

        var report = scenario.runUntil(hours(3));

        var first = Scenario.onlyEnrolment(report, stageFlow("1"), "ada");
        assertThat(first.status()).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(first.unenrolmentReason()).isEqualTo(UnenrolmentReason.NO_LONGER_MEETS_CRITERIA);
        assertThat(Scenario.onlyEnrolment(report, stageFlow("2"), "ada").currentActionId()).isEqualTo("b3");
        assertThat(report.outbox().tasks()).extracting(t -> t.properties().get("hs_task_subject")).containsExactly("Call b1");
        assertThat(journeys.enrolment("j1", "ada")).get().extracting(JourneyEnrolment::stageId).isEqualTo("2");
    }

    @Test
    void goToStageMovesAContactBackToAnEarlierStage() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "stalled");

        var report = scenario.runUntil(hours(1));

        assertThat(scenario.simulator().contacts().find("ada").orElseThrow().value(PROPERTY)).contains("new");
        assertThat(Scenario.onlyEnrolment(report, stageFlow("3"), "ada").status()).isNotEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(Scenario.onlyEnrolment(report, stageFlow("1"), "ada").isActive()).isTrue();
        assertThat(journeys.enrolment("j1", "ada")).get().extracting(JourneyEnrolment::moves).asList()
                .extracting("kind", "to").containsExactly(
                        org.assertj.core.groups.Tuple.tuple(JourneyMove.Kind.ENROLLED, "3"),
                        org.assertj.core.groups.Tuple.tuple(JourneyMove.Kind.STAGE, "1"));
    }

    @Test
    void aContactMovedBackRunsTheEarlierStageAgain() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.set(days(2), "ada", PROPERTY, "stalled");

        var report = scenario.runUntil(days(4));

        assertThat(Scenario.enrolments(report, stageFlow("1"), "ada")).hasSize(2)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(EnrolmentStatus.COMPLETED));
        assertThat(report.outbox().marketingEmails()).hasSize(3);
    }

    @Test
    void goToTheGoalExitSetsThePropertyEndsTheJourneyAndAddsToTheExitsList() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "engaged");

        var report = scenario.runUntil(days(3));

        var ada = scenario.simulator().contacts().find("ada").orElseThrow();
        assertThat(ada.value(PROPERTY)).contains("won");
        assertThat(ada.inStaticList(WON_LIST)).isTrue();
        assertThat(journeys.enrolment("j1", "ada")).get().satisfies(e -> {
            assertThat(e.status()).isEqualTo(JourneyEnrolmentStatus.EXITED);
            assertThat(e.exitId()).isEqualTo("won");
        });
        assertThat(Scenario.onlyEnrolment(report, stageFlow("2"), "ada").status()).isEqualTo(EnrolmentStatus.COMPLETED);
    }

    @Test
    void anExitWhoseListDoesNotExistStillEndsTheJourneyAndSaysTheContactWasNotAdded() {
        var withoutLists = new Scenario();
        publish(withoutLists, journey());
        withoutLists.contactInLists("ada", List.of(LIST), PROPERTY, "engaged");

        var report = withoutLists.runUntil(days(3));

        assertThat(withoutLists.simulator().journeys().enrolment("j1", "ada")).get()
                .extracting(JourneyEnrolment::status).isEqualTo(JourneyEnrolmentStatus.EXITED);
        assertThat(report.history().ofContact("ada")).filteredOn(line -> line.kind() == HistoryKind.EXITED)
                .singleElement().satisfies(line -> assertThat(line.detail())
                        .isEqualTo("reached the goal exit won, not added to list 200: there is no list 200"));
        assertThat(withoutLists.simulator().contacts().find("ada").orElseThrow().staticListIds())
                .containsExactly(LIST);
    }

    @Test
    void aContactWhosePropertyTakesAnExitsValueLeavesByThatExit() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.set(hours(2), "ada", PROPERTY, "lost");

        var report = scenario.runUntil(days(3));

        assertThat(journeys.enrolment("j1", "ada")).get().extracting(JourneyEnrolment::exitId).isEqualTo("lost");
        assertThat(Scenario.onlyEnrolment(report, stageFlow("1"), "ada").status()).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(report.outbox().tasks()).isEmpty();
    }

    @Test
    void smsAndWhatsAppGoThroughThePluggableSender() {
        publish(scenario, journey().stages(stage("1", "new", sms("s1", "s2"), email("s2", null))));
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");

        var report = scenario.runUntil(hours(1));

        assertThat(report.outbox().smsMessages()).singleElement().satisfies(sms -> {
            assertThat(sms.flowId()).isEqualTo(stageFlow("1"));
            assertThat(sms.body()).isEqualTo("Welcome");
        });
    }

    @Test
    void joiningASuppressionListUnenrolsFromTheJourney() {
        publish(scenario, journey().unEnrollment("{'suppressionListIds':['300']}"));
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.contactInLists("bob", List.of(LIST, "300"), PROPERTY, "new");
        scenario.join(hours(2), "ada", "300");

        var report = scenario.runUntil(days(3));

        assertThat(journeys.enrolment("j1", "ada")).get().extracting(JourneyEnrolment::status)
                .isEqualTo(JourneyEnrolmentStatus.UNENROLLED);
        assertThat(Scenario.onlyEnrolment(report, stageFlow("1"), "ada").unenrolmentReason())
                .isEqualTo(UnenrolmentReason.SUPPRESSION_LIST);
        assertThat(journeys.enrolment("j1", "bob")).isEmpty();
    }

    @Test
    void beingRemovedFromTheEnrolmentListsUnenrolsWithThatOption() {
        publish(scenario, journey().unEnrollment("{'removedFromEnrollmentLists':true}"));
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.leave(hours(2), "ada", LIST);

        var report = scenario.runUntil(days(3));

        assertThat(journeys.enrolment("j1", "ada")).get().extracting(JourneyEnrolment::status)
                .isEqualTo(JourneyEnrolmentStatus.UNENROLLED);
        assertThat(report.outbox().tasks()).isEmpty();
    }

    @Test
    void matchingAnEndEarlyUnenrolsAndSkipsTheEndsFinalActions() {
        publish(scenario, journey().unEnrollment("{'endMatchedEarly':true}"));
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.contactInLists("bob", List.of(LIST), PROPERTY, "engaged");
        scenario.set(hours(2), "ada", PROPERTY, "won");

        scenario.runUntil(days(3));

        assertThat(journeys.enrolment("j1", "ada")).get().extracting(JourneyEnrolment::status)
                .isEqualTo(JourneyEnrolmentStatus.UNENROLLED);
        assertThat(scenario.simulator().contacts().find("ada").orElseThrow().inStaticList(WON_LIST)).isFalse();
        // bob reached the goal through its stage's go-to, at the end of the flow: not early
        assertThat(journeys.enrolment("j1", "bob")).get().extracting(JourneyEnrolment::status)
                .isEqualTo(JourneyEnrolmentStatus.EXITED);
        assertThat(scenario.simulator().contacts().find("bob").orElseThrow().inStaticList(WON_LIST)).isTrue();
    }

    @Test
    void stageFlowsRunOnTheEngineButStayOutOfTheWorkflowListings() {
        publish(scenario, journey().stages(stage("1", "new", task("t1", "t2"), delay("t2", 1, "t3"),
                goToExit("t3", "lost"))));
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");

        var report = scenario.runUntil(days(2));

        assertThat(report.metrics(stageFlow("1")).enrolled()).isEqualTo(1);
        assertThat(report.metrics(stageFlow("1")).completed()).isEqualTo(1);
        assertThat(report.metrics(stageFlow("1")).actions()).containsOnlyKeys("t1", "t2", "t3");
        assertThat(journeys.enrolment("j1", "ada")).get().extracting(JourneyEnrolment::exitId).isEqualTo("lost");

        var stored = new InMemoryJourneyStore();
        stored.save(journeys.find("j1").orElseThrow());
        var flows = new JourneyFlowStore(new InMemoryFlowStore(), stored);
        assertThat(flows.find(stageFlow("1"))).get().extracting(f -> f.actions().size()).isEqualTo(3);
        assertThat(flows.enabledFlows()).isEmpty();
    }
}
