package dev.flowline.engine.contact;

import dev.flowline.engine.Page;
import dev.flowline.engine.simulation.InMemoryContactStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactSavesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemoryContactStore store = new InMemoryContactStore();

    @Test
    void twoWritersThatReadTheSameVersionBothKeepTheirChanges() {
        store.create(contact("c1"));
        Contact api = store.find("c1").orElseThrow();
        Contact action = store.find("c1").orElseThrow();
        api.setProperty("firstname", "Ada", T0.plusSeconds(1));
        action.setProperty("lifecyclestage", "customer", T0.plusSeconds(2));
        action.addToList("7");
        action.record(new ActivityEvent("e-1", T0.plusSeconds(2), Map.of()));

        store.save(api);
        Optional<Contact> saved = store.save(action);

        Contact stored = store.find("c1").orElseThrow();
        assertThat(stored.value("firstname")).contains("Ada");
        assertThat(stored.value("lifecyclestage")).contains("customer");
        assertThat(stored.staticListIds()).containsExactly("7");
        assertThat(stored.events()).extracting(ActivityEvent::eventTypeId).containsExactly("e-1");
        assertThat(saved.orElseThrow().value("firstname")).contains("Ada");
    }

    @Test
    void aContactSavedAgainAfterAMergeSavesOnlyItsNewEdits() {
        store.create(contact("c1"));
        Contact first = store.find("c1").orElseThrow();
        Contact second = store.find("c1").orElseThrow();
        first.record(new ActivityEvent("e-1", T0, Map.of()));
        second.record(new ActivityEvent("e-2", T0, Map.of()));
        store.save(first);
        store.save(second);

        second.record(new ActivityEvent("e-3", T0, Map.of()));
        store.save(second);

        assertThat(store.find("c1").orElseThrow().events()).extracting(ActivityEvent::eventTypeId)
                .containsExactly("e-1", "e-2", "e-3");
    }

    @Test
    void aSaveAfterTheContactWasDeletedDoesNotBringItBack() {
        store.create(contact("c1"));
        Contact read = store.find("c1").orElseThrow();
        store.delete("c1");
        read.setProperty("firstname", "Ada", T0);

        assertThat(store.save(read)).isEmpty();
        assertThat(store.find("c1")).isEmpty();
    }

    @Test
    void aContactIsCreatedOnlyOnce() {
        store.create(contact("c1"));

        assertThatThrownBy(() -> store.create(contact("c1"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSaveGivesUpWhenTheContactChangesUnderEveryAttempt() {
        store.create(contact("c1"));
        var busy = new ContactStore() {
            @Override
            public Optional<Contact> find(String contactId) {
                Optional<Contact> found = store.find(contactId);
                Contact other = store.find(contactId).orElseThrow();
                other.record(new ActivityEvent("e-other", T0, Map.of()));
                store.save(other);
                return found;
            }

            @Override
            public void create(Contact contact, List<ContactEvent> events) {
                store.create(contact, events);
            }

            @Override
            public boolean replaceIfUnchanged(Contact contact, List<ContactEvent> events) {
                return store.replaceIfUnchanged(contact, events);
            }

            @Override
            public List<ContactEvent> pendingEvents(String contactId) {
                return store.pendingEvents(contactId);
            }

            @Override
            public void published(String contactId, List<ContactEvent> events) {
                store.published(contactId, events);
            }

            @Override
            public Optional<Contact> findByEmail(String email) {
                return store.findByEmail(email);
            }

            @Override
            public Page<Contact> page(String after, int limit) {
                return store.page(after, limit);
            }

            @Override
            public Page<Contact> scan(int segment, int totalSegments, String after, int limit) {
                return store.scan(segment, totalSegments, after, limit);
            }

            @Override
            public void delete(String contactId) {
                store.delete(contactId);
            }
        };
        Contact read = busy.find("c1").orElseThrow();
        read.setProperty("firstname", "Ada", T0);

        assertThatThrownBy(() -> busy.save(read)).isInstanceOf(ContactSaveConflict.class)
                .hasMessageContaining("c1");
        assertThat(store.find("c1").orElseThrow().value("firstname")).isEmpty();
    }

    @Test
    void eventsSavedWithAWriteStayPendingUntilPublishedAndAMergedSaveKeepsThem() {
        ContactEvent created = ContactEvent.changed(Set.of("email"), T0);
        store.create(contact("c1"), List.of(created));
        Contact api = store.find("c1").orElseThrow();
        Contact action = store.find("c1").orElseThrow();
        action.setProperty("lifecyclestage", "customer", T0.plusSeconds(1));
        store.save(action);
        api.setProperty("firstname", "Ada", T0.plusSeconds(2));
        ContactEvent updated = ContactEvent.changed(Set.of("firstname"), T0.plusSeconds(2));

        store.save(api, List.of(updated));

        assertThat(store.pendingEvents("c1")).containsExactly(created, updated);
        store.published("c1", List.of(created));
        assertThat(store.pendingEvents("c1")).containsExactly(updated);
        assertThat(store.find("c1").orElseThrow().value("firstname")).contains("Ada");
    }

    @Test
    void aSaveOfADeletedContactSavesNoEvent() {
        store.create(contact("c1"));
        Contact read = store.find("c1").orElseThrow();
        store.delete("c1");
        read.setProperty("firstname", "Ada", T0);

        assertThat(store.save(read, List.of(ContactEvent.changed(Set.of("firstname"), T0)))).isEmpty();
        assertThat(store.pendingEvents("c1")).isEmpty();
    }

    private static Contact contact(String id) {
        var contact = new Contact(id);
        contact.setProperty("email", id + "@example.com", T0);
        return contact;
    }
}
