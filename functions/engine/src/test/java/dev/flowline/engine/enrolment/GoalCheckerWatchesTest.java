package dev.flowline.engine.enrolment;

import dev.flowline.engine.InMemoryEngine;
import dev.flowline.engine.simulation.TestFlow;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goal checker looks at a contact change only when an enabled flow has a goal, a suppression list or a "delay
 * until an event" action; otherwise it reads neither the contact nor its enrolments.
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
}
