package dev.flowline.engine.list;

import dev.flowline.engine.InMemoryEngine;
import dev.flowline.engine.contact.ListMembershipEvents;
import dev.flowline.engine.criteria.ListDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One path for a static list's memberships: the contact, the list store and a list-membership activity. */
class ListMembershipsTest {

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ContactList vip = new ContactList("7", "VIP", ListDefinition.MANUAL, null, InMemoryEngine.NOW,
            InMemoryEngine.NOW);

    @Test
    void addingChangesTheContactTheListAndPublishesOneActivityPerContactAdded() {
        engine.lists.create(vip);
        var ada = engine.contact("c1");
        var grace = engine.contact("c2");

        List<String> added = engine.engine.listMemberships().add(vip, List.of(ada, grace));

        assertThat(added).containsExactly("c1", "c2");
        assertThat(engine.contacts.find("c1").orElseThrow().staticListIds()).containsExactly("7");
        assertThat(engine.lists.members("7", null, 10).items()).containsExactly("c1", "c2");
        assertThat(engine.published).extracting(InMemoryEngine.Published::contactId).containsExactly("c1", "c2");
        assertThat(engine.published).allSatisfy(published -> {
            assertThat(published.event().eventTypeId()).isEqualTo(ListMembershipEvents.TYPE);
            assertThat(published.event().properties()).containsEntry(ListMembershipEvents.CHANGE,
                    ListMembershipEvents.ADDED);
        });
        assertThat(engine.contacts.find("c1").orElseThrow().events()).as("recorded on the contact first")
                .extracting(event -> event.eventTypeId()).containsExactly(ListMembershipEvents.TYPE);
    }

    @Test
    void aContactInTheListAlreadyOrDeletedMeanwhileIsNotChanged() {
        engine.lists.create(vip);
        var ada = engine.contact("c1");
        engine.engine.listMemberships().add(vip, List.of(ada));
        engine.published.clear();
        var gone = engine.contact("c2");
        engine.contacts.delete("c2");

        List<String> added = engine.engine.listMemberships().add(vip,
                List.of(engine.contacts.find("c1").orElseThrow(), gone));

        assertThat(added).isEmpty();
        assertThat(engine.published).isEmpty();
        assertThat(engine.lists.members("7", null, 10).items()).containsExactly("c1");
    }

    @Test
    void aContactChangedMeanwhileIsAddedOnAFreshReadWithOneEventAndTheOtherChangeKept() {
        engine.lists.create(vip);
        var stale = engine.contact("c1");
        var other = engine.contacts.find("c1").orElseThrow();
        other.setProperty("lifecyclestage", "lead", InMemoryEngine.NOW);
        engine.contacts.save(other);

        List<String> added = engine.engine.listMemberships().add(vip, List.of(stale));

        var stored = engine.contacts.find("c1").orElseThrow();
        assertThat(added).containsExactly("c1");
        assertThat(stored.inStaticList("7")).isTrue();
        assertThat(stored.value("lifecyclestage")).contains("lead");
        assertThat(stored.events(ListMembershipEvents.TYPE)).hasSize(1);
        assertThat(engine.published).hasSize(1);
    }

    @Test
    void removingTakesTheContactOutEverywhere() {
        engine.lists.create(vip);
        engine.engine.listMemberships().add(vip, List.of(engine.contact("c1"), engine.contact("c2")));
        engine.published.clear();

        List<String> removed = engine.engine.listMemberships().remove(vip,
                List.of(engine.contacts.find("c1").orElseThrow()));

        assertThat(removed).containsExactly("c1");
        assertThat(engine.contacts.find("c1").orElseThrow().staticListIds()).isEmpty();
        assertThat(engine.lists.members("7", null, 10).items()).containsExactly("c2");
        assertThat(engine.published).singleElement().satisfies(published -> assertThat(published.event()
                .properties()).containsEntry(ListMembershipEvents.CHANGE, ListMembershipEvents.REMOVED));
    }
}
