package dev.flowline.engine.simulation;

import dev.flowline.engine.contact.SubscriptionState;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static org.assertj.core.api.Assertions.assertThat;

/** What actions change on a contact is saved to the contact store, not only kept in memory for the step. */
class ContactChangesByActionsTest {

    @Test
    void listAndSubscriptionChangesMadeByActionsAreSaved() {
        var scenario = new Scenario()
                .flow(flow("A").manual(false).actions("""
                        {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeId":"0-63809083","actionTypeVersion":3,
                         "connection":{"edgeType":"STANDARD","nextActionId":"2"},
                         "fields":{"listId":"77","targetObject":"{{ enrolled_object }}"}}""", """
                        {"type":"SINGLE_CONNECTION","actionId":"2","actionTypeId":"0-43347357","actionTypeVersion":7,
                         "fields":{"targetContact":"{{ enrolled_object }}","channel":"EMAIL","optState":"OPT_OUT",
                                   "subscriptionId":"9"}}"""))
                .staticList("77")
                .contact("c1", "email", "c1@example.com");
        scenario.enrolByHand("A", "c1");

        scenario.runUntil(hours(1));

        var stored = scenario.simulator().contacts().find("c1").orElseThrow();
        assertThat(stored.inStaticList("77")).isTrue();
        assertThat(stored.subscriptions()).containsEntry("9", SubscriptionState.OPT_OUT);
    }
}
