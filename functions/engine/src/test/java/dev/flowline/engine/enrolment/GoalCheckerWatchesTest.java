package dev.flowline.engine.enrolment;

import dev.flowline.engine.InMemoryEngine;
import dev.flowline.engine.journey.JourneyDefinition;
import dev.flowline.engine.simulation.TestFlow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goal checker looks at a contact change only when an enabled flow has a goal, a suppression list or a "delay
 * until an event" action, or a published journey has a stage that waits for an event; otherwise it reads neither the
 * contact nor its enrolments (and the trigger evaluator does not send it the change).
 */
class GoalCheckerWatchesTest {

    private final InMemoryEngine memory = new InMemoryEngine();

    private boolean watchesWith(TestFlow... flows) {
        for (TestFlow flow : flows) {
            memory.flows.put(flow.build());
        }
        return memory.engine.goals().watchesChanges();
    }

    private static TestFlow plain(String id) {
        return flow(id).manual(false).actions(marketingEmail("1", null, "welcome"));
    }

    @Test
    void flowsWithoutGoalsSuppressionListsOrEventWaitsAreNotWatched() {
        assertThat(watchesWith()).isFalse();
        assertThat(watchesWith(plain("A"), plain("B").suppressionLists())).isFalse();
    }

    @Test
    void aGoalIsWatched() {
        assertThat(watchesWith(plain("A"), plain("B").goal(propertyIs("lifecyclestage", "customer")))).isTrue();
    }

    @Test
    void aSuppressionListIsWatched() {
        assertThat(watchesWith(plain("A").suppressionLists(7))).isTrue();
    }

    @Test
    void aDelayUntilAnEventIsWatched() {
        assertThat(watchesWith(flow("A").manual(false).actions("""
                {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-29",
                 "fields":{"event_filter_branches":[],"expiration_minutes":"60"}}"""))).isTrue();
    }

    @Test
    void aTurnedOffFlowIsNotWatched() {
        assertThat(watchesWith(plain("A").goal(propertyIs("lifecyclestage", "customer")).turnedOff())).isFalse();
    }

    @Test
    void aFlowTurnedOnLaterIsWatched() {
        assertThat(watchesWith(plain("A"))).isFalse();

        assertThat(watchesWith(plain("B").goal(propertyIs("lifecyclestage", "customer")))).isTrue();
    }

    private boolean watchesWithJourney(String stageActionTypeId, String fields, boolean published) {
        String stage = """
                {"stageId":"1","name":"New","propertyValue":"new","actions":[
                  {"type":"SINGLE_CONNECTION","actionId":"a1","actionTypeId":"%s","fields":%s}]}"""
                .formatted(stageActionTypeId, fields);
        var created = memory.engine.journeys().create("j1", JourneyDefinition.parse("""
                {"name":"Onboarding","propertyName":"journey_stage","enrollmentListIds":["100"],"stages":[%s],
                 "exits":[{"exitId":"won","name":"Won","goal":true,"propertyValue":"won"}],"unEnrollment":{}}"""
                .formatted(stage)));
        assertThat(created.isSaved()).as("saved: %s", created.problems()).isTrue();
        if (published) {
            assertThat(memory.engine.journeys().publish("j1", List.of()).journey()).isPresent();
        }
        return memory.engine.goals().watchesChanges();
    }

    @Test
    void aPublishedJourneyWithAStageThatWaitsForAnEventIsWatched() {
        assertThat(watchesWithJourney("0-29", """
                {"event_filter_branches":[],"expiration_minutes":"60"}""", true)).isTrue();
    }

    @Test
    void aJourneyWhoseStagesDoNotWaitIsNotWatched() {
        assertThat(watchesWithJourney("0-1", """
                {"delta":"1","time_unit":"DAYS"}""", true)).isFalse();
    }

    @Test
    void aJourneyNotPublishedIsNotWatched() {
        assertThat(watchesWithJourney("0-29", """
                {"event_filter_branches":[],"expiration_minutes":"60"}""", false)).isFalse();
    }
}
