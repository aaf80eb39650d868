package dev.flowline.engine.action;

import dev.flowline.engine.InMemoryEngine;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.ListMembershipEvents;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.list.ContactList;
import dev.flowline.engine.simulation.Outbox;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.context;
import static dev.flowline.engine.action.ActionTesting.flow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The list actions change a membership through the lists API's own path: the contact, the list store and one
 * list-membership event; a redelivered step adds once and publishes once; an unknown or DYNAMIC list fails the action
 * and writes nothing.
 */
class ListActionsTest {

    private final List<ActivityEvent> published = new ArrayList<>();
    private boolean busRefuses;
    private final InMemoryEngine engine = new InMemoryEngine(ports -> ports.events(new EngineEvents() {
        @Override
        public void activity(String contactId, ActivityEvent event) {
            if (busRefuses) {
                throw new IllegalStateException("the bus refused 1 of 1 events");
            }
            published.add(event);
        }

        @Override
        public void propertiesChanged(String contactId, Set<String> properties) {
        }
    }));
    private final ActionExecutor executor = ActionHandlers.executor(ActionTesting.ports(new Outbox()),
            ActionTesting.NO_WORKFLOWS, engine.engine.listMemberships()::change, (contactId, runningIn) -> false);

    ListActionsTest() {
        engine.lists.create(new ContactList("7", "VIP", ListDefinition.MANUAL, null, START, START));
        engine.lists.create(new ContactList("8", "Dutch", ListDefinition.DYNAMIC, null, START, START));
        engine.contact("c");
    }

    private StepResult.Outcome run(String actionTypeId, String fields) {
        Flow flow = flow("f", action(actionTypeId, fields));
        var contact = engine.contacts.find("c").orElseThrow();
        return ((StepResult.Next) executor.execute(flow.action("1").orElseThrow(), context(flow, contact, START)))
                .outcome();
    }

    private List<String> members() {
        return engine.lists.members("7", null, 10).items();
    }

    @Test
    void theOlderListActionAddsAndRemovesInTheListStoreOnTheContactAndOnTheBus() {
        assertThat(run("0-13", "{\"operation\":\"ADD\",\"list_id\":7}").detail()).isEqualTo("added to list 7");
        assertThat(engine.contacts.find("c").orElseThrow().inStaticList("7")).isTrue();
        assertThat(members()).containsExactly("c");

        assertThat(run("0-13", "{\"operation\":\"REMOVE\",\"list_id\":\"7\"}").detail()).isEqualTo("removed from list 7");
        assertThat(engine.contacts.find("c").orElseThrow().inStaticList("7")).isFalse();
        assertThat(members()).isEmpty();
        assertThat(published).extracting(event -> event.properties().get(ListMembershipEvents.CHANGE))
                .containsExactly(ListMembershipEvents.ADDED, ListMembershipEvents.REMOVED);
    }

    @Test
    void theNewerListActionsAddAndRemove() {
        assertThat(run("0-63809083", "{\"listId\":\"7\",\"targetObject\":\"{{ enrolled_object }}\"}").status())
                .isEqualTo(StepResult.Status.SUCCEEDED);
        assertThat(members()).containsExactly("c");

        assertThat(run("0-63863438", "{\"listId\":\"7\"}").detail()).isEqualTo("removed from list 7");
        assertThat(members()).isEmpty();
        assertThat(published).hasSize(2);
    }

    @Test
    void aRedeliveredStepAddsOnceAndPublishesOnce() {
        run("0-63809083", "{\"listId\":\"7\"}");

        StepResult.Outcome again = run("0-63809083", "{\"listId\":\"7\"}");

        assertThat(again.status()).isEqualTo(StepResult.Status.SUCCEEDED);
        assertThat(again.detail()).isEqualTo("already in list 7");
        assertThat(published).hasSize(1);
        assertThat(engine.contacts.find("c").orElseThrow().events(ListMembershipEvents.TYPE)).hasSize(1);
        assertThat(members()).containsExactly("c");
    }

    @Test
    void anEventTheBusRefusedIsPublishedOnceByTheRedelivery() {
        busRefuses = true;
        assertThatThrownBy(() -> run("0-63809083", "{\"listId\":\"7\"}")).isInstanceOf(IllegalStateException.class);
        assertThat(engine.contacts.pendingEvents("c")).as("saved with the change").hasSize(1);

        busRefuses = false;
        StepResult.Outcome redelivered = run("0-63809083", "{\"listId\":\"7\"}");

        assertThat(redelivered.detail()).isEqualTo("already in list 7");
        assertThat(published).singleElement().satisfies(event ->
                assertThat(event.properties()).containsEntry(ListMembershipEvents.LIST_ID, "7"));
        assertThat(engine.contacts.pendingEvents("c")).isEmpty();
        assertThat(members()).containsExactly("c");
    }

    @Test
    void anUnknownListFailsTheActionAndWritesNothing() {
        StepResult.Outcome outcome = run("0-63809083", "{\"listId\":\"9\"}");

        assertThat(outcome.status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(outcome.detail()).isEqualTo("not added to list 9: there is no list 9");
        assertThat(engine.contacts.find("c").orElseThrow().staticListIds()).isEmpty();
        assertThat(engine.contacts.pendingEvents("c")).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void aDynamicListFailsTheActionAndWritesNothing() {
        StepResult.Outcome outcome = run("0-63863438", "{\"listId\":\"8\"}");

        assertThat(outcome.status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(outcome.detail()).isEqualTo("not removed from list 8: list 8 is DYNAMIC: its members follow its "
                + "filters, and only MANUAL and SNAPSHOT lists take members");
        assertThat(engine.lists.members("8", null, 10).items()).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void aListActionWithoutAListFails() {
        assertThat(run("0-63809083", "{}").status()).isEqualTo(StepResult.Status.FAILED);
    }
}
