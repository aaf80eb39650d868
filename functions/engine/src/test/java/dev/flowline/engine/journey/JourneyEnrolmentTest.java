package dev.flowline.engine.journey;

import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.simulation.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.journey.TestJourney.LIST;
import static dev.flowline.engine.journey.TestJourney.PROPERTY;
import static dev.flowline.engine.journey.TestJourney.journey;
import static dev.flowline.engine.journey.TestJourney.publish;
import static dev.flowline.engine.journey.TestJourney.stageFlow;
import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.hours;
import static org.assertj.core.api.Assertions.assertThat;

class JourneyEnrolmentTest {

    private final Scenario scenario = new Scenario();
    private final Journeys journeys = scenario.simulator().journeys();

    @Test
    void aContactInAnEligibleListEnrolsWhenItMeetsTheStartStagesValue() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");

        var report = scenario.runUntil(hours(1));

        assertThat(journeys.enrolment("j1", "ada")).get().satisfies(e -> {
            assertThat(e.status()).isEqualTo(JourneyEnrolmentStatus.ACTIVE);
            assertThat(e.stageId()).isEqualTo("1");
        });
        assertThat(Scenario.onlyEnrolment(report, stageFlow("1"), "ada").currentActionId()).isEqualTo("a3");
        assertThat(report.outbox().marketingEmails()).hasSize(1);
    }

    @Test
    void aContactEnrolsInTheStageWhoseValueItMeets() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "engaged");

        scenario.runUntil(hours(1));

        assertThat(journeys.enrolment("j1", "ada")).get().extracting(JourneyEnrolment::stageId).isEqualTo("2");
    }

    @Test
    void beingInAnEligibleListDoesNotEnrolByItself() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "something else");
        scenario.contactInLists("bob", List.of(LIST));

        scenario.runUntil(hours(1));

        assertThat(journeys.enrolments("j1")).isEmpty();
    }

    @Test
    void aContactOutsideTheEligibleListsDoesNotEnrol() {
        publish(scenario, journey());
        scenario.contact("ada", PROPERTY, "new");
        scenario.join(hours(2), "ada", "999");

        scenario.runUntil(hours(3));

        assertThat(journeys.enrolments("j1")).isEmpty();
    }

    @Test
    void aContactThatJoinsAnEligibleListLaterEnrolsThen() {
        publish(scenario, journey());
        scenario.contact("ada", PROPERTY, "new");
        scenario.join(hours(2), "ada", LIST);

        scenario.runUntil(hours(3));

        assertThat(journeys.enrolment("j1", "ada")).isPresent();
    }

    @Test
    void contactsWithAnEmptyValueEnrolInTheStartStageOnlyWithTheOption() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST));
        scenario.runUntil(hours(1));
        assertThat(journeys.enrolments("j1")).isEmpty();

        var withOption = new Scenario();
        publish(withOption, journey().enrollEmptyValue());
        withOption.contactInLists("ada", List.of(LIST));
        withOption.runUntil(hours(1));
        assertThat(withOption.simulator().journeys().enrolment("j1", "ada")).get()
                .extracting(JourneyEnrolment::stageId).isEqualTo("1");
    }

    @Test
    void aContactKeepsGoingWhenRemovedFromTheEnrolmentLists() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.leave(hours(1), "ada", LIST);

        var report = scenario.runUntil(days(3));

        assertThat(journeys.enrolment("j1", "ada")).get().extracting(JourneyEnrolment::status)
                .isEqualTo(JourneyEnrolmentStatus.ACTIVE);
        assertThat(Scenario.onlyEnrolment(report, stageFlow("1"), "ada").status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(report.outbox().tasks()).hasSize(1);
    }

    @Test
    void aContactEnrolsInAJourneyAtMostOnceAndIsNeverReEnrolled() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");
        scenario.set(hours(1), "ada", PROPERTY, "lost");
        scenario.set(hours(2), "ada", PROPERTY, "new");
        scenario.set(hours(3), "ada", PROPERTY, "engaged");

        var report = scenario.runUntil(days(1));

        assertThat(journeys.enrolments("j1")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(JourneyEnrolmentStatus.EXITED);
            assertThat(e.exitId()).isEqualTo("lost");
        });
        assertThat(report.enrolments(stageFlow("1"))).hasSize(1);
        assertThat(report.enrolments(stageFlow("2"))).isEmpty();
    }
}
