package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.simulation.Scenario.enrolments;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.TestFlow.event;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** "Contact is created" ({@code 4-1463224}): a contact enrols when it is created, never when it changes later. */
class ContactCreatedTriggerTest {

    @Test
    void aCreatedContactEnrolsOnceAndItsLaterChangesDoNotEnrolItAgain() {
        var scenario = new Scenario()
                .flow(flow("welcome").eventBased(true, null, event(StandardEvents.OBJECT_CREATED))
                        .actions(marketingEmail("1", null, "welcome")))
                .contact("c1")
                .set(hours(2), "c1", "lifecyclestage", "lead");

        SimulationReport report = scenario.runUntil(hours(3));

        assertThat(enrolments(report, "welcome", "c1")).singleElement()
                .satisfies(e -> assertThat(e.enrolledAt()).isEqualTo(Scenario.T0));
        assertThat(scenario.simulator().contacts().find("c1").orElseThrow().events(StandardEvents.OBJECT_CREATED))
                .hasSize(1);
    }
}
