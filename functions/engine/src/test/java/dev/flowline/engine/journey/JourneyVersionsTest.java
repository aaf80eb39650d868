package dev.flowline.engine.journey;

import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.simulation.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.journey.TestJourney.LIST;
import static dev.flowline.engine.journey.TestJourney.PROPERTY;
import static dev.flowline.engine.journey.TestJourney.delay;
import static dev.flowline.engine.journey.TestJourney.email;
import static dev.flowline.engine.journey.TestJourney.journey;
import static dev.flowline.engine.journey.TestJourney.publish;
import static dev.flowline.engine.journey.TestJourney.stage;
import static dev.flowline.engine.journey.TestJourney.stageFlow;
import static dev.flowline.engine.journey.TestJourney.task;
import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.hours;
import static org.assertj.core.api.Assertions.assertThat;

class JourneyVersionsTest {

    /** Stage 1: email e1, a day's delay d1, then tasks t1, t2, t3 in a row. */
    private static final String LONG_STAGE = stage("1", "new", email("e1", "d1"), delay("d1", 1, "t1"),
            task("t1", "t2"), task("t2", "t3"), task("t3", null));

    private final Scenario scenario = new Scenario();
    private final Journeys journeys = scenario.simulator().journeys();

    @Test
    void publishingKeepsAVersionAndEditingTheDraftLeavesContactsInFlightOnThePublishedOne() {
        publish(scenario, journey().stages(LONG_STAGE));
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.runUntil(hours(1));

        var edited = journeys.updateDraft("j1", journey().stages(stage("1", "new", email("e1", null))).build());
        var report = scenario.runUntil(days(2));

        assertThat(edited.isSaved()).isTrue();
        assertThat(journeys.versions("j1")).hasSize(1);
        assertThat(report.outbox().tasks()).hasSize(3);
    }

    @Test
    void publishingWithOneDeletedActionMovesItsContactsToTheNextAction() {
        publish(scenario, journey().stages(LONG_STAGE));
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.runUntil(hours(1));

        journeys.updateDraft("j1", journey().stages(stage("1", "new", email("e1", "d1"), delay("d1", 1, "t2"),
                task("t2", "t3"), task("t3", null))).build());
        journeys.publish("j1", List.of());
        var report = scenario.runUntil(days(2));

        assertThat(report.outbox().tasks()).extracting(t -> t.properties().get("hs_task_subject")).containsExactlyInAnyOrder("Call t2", "Call t3");
        assertThat(Scenario.onlyEnrolment(report, stageFlow("1"), "ada").status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(journeys.versions("j1")).extracting(JourneyVersion::version).containsExactly(1, 2);
    }

    @Test
    void publishingWithSeveralDeletedActionsInARowMakesTheContactsOfThePreviousActionInactive() {
        publish(scenario, journey().stages(LONG_STAGE));
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.runUntil(hours(1));

        journeys.updateDraft("j1", journey().stages(stage("1", "new", email("e1", "d1"), delay("d1", 1, "t3"),
                task("t3", null))).build());
        journeys.publish("j1", List.of());
        var report = scenario.runUntil(days(2));

        assertThat(report.outbox().tasks()).isEmpty();
        assertThat(journeys.enrolment("j1", "ada")).get().extracting(JourneyEnrolment::status)
                .isEqualTo(JourneyEnrolmentStatus.INACTIVE);
    }

    @Test
    void publishingWithADeletedStageMakesItsContactsInactiveUntilTheirPropertyTakesAStagesValue() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.runUntil(hours(1));

        journeys.updateDraft("j1", journey().stages(TestJourney.stage("2", "engaged", task("b1", null))).build());
        journeys.publish("j1", List.of());
        scenario.runUntil(days(2));
        assertThat(journeys.enrolment("j1", "ada")).get().extracting(JourneyEnrolment::status)
                .isEqualTo(JourneyEnrolmentStatus.INACTIVE);

        scenario.set(days(3), "ada", PROPERTY, "engaged");
        var report = scenario.runUntil(days(4));

        assertThat(report.outbox().tasks()).extracting(t -> t.properties().get("hs_task_subject")).containsExactly("Call b1");
        assertThat(journeys.enrolment("j1", "ada")).get().satisfies(e -> {
            assertThat(e.status()).isEqualTo(JourneyEnrolmentStatus.ACTIVE);
            assertThat(e.stageId()).isEqualTo("2");
        });
    }

    @Test
    void restoringAnOldVersionMakesItTheDraftAndRunsOnlyOncePublished() {
        publish(scenario, journey().name("First"));
        journeys.updateDraft("j1", journey().name("Second").build());
        journeys.publish("j1", List.of());

        var restored = journeys.restore("j1", 1);

        assertThat(restored.journey()).get().satisfies(j -> {
            assertThat(j.draft().name()).isEqualTo("First");
            assertThat(j.published().orElseThrow().definition().name()).isEqualTo("Second");
        });
        assertThat(journeys.restore("j1", 7).problems()).extracting(p -> p.message())
                .containsExactly("journey j1 has no version 7");
        journeys.publish("j1", List.of());
        assertThat(journeys.versions("j1")).extracting(v -> v.definition().name())
                .containsExactly("First", "Second", "First");
    }

    @Test
    void onFirstPublishExistingContactsThatMatchEnrolOnlyWhenAsked() {
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.contactInLists("bob", List.of(LIST), PROPERTY, "nothing");
        journeys.create("j1", journey().build());
        journeys.create("j2", journey().property("other_stage").build());

        journeys.publish("j1", scenario.simulator().contacts().all());
        journeys.publish("j2", List.of());
        scenario.runUntil(hours(1));

        assertThat(journeys.enrolments("j1")).extracting(JourneyEnrolment::contactId).containsExactly("ada");
        assertThat(journeys.enrolments("j2")).isEmpty();
    }
}
