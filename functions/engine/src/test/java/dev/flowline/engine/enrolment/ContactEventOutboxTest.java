package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactEvent;
import dev.flowline.engine.simulation.InMemoryContactStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactEventOutboxTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final List<Set<String>> published = new ArrayList<>();
    private boolean busRefuses;
    private final ContactEventOutbox outbox = new ContactEventOutbox(contacts, new EngineEvents() {
        @Override
        public void activity(String contactId, ActivityEvent event) {
            throw new AssertionError("a contact write causes no activity");
        }

        @Override
        public void propertiesChanged(String contactId, Set<String> properties) {
            if (busRefuses) {
                throw new IllegalStateException("the bus refused 1 of 1 events");
            }
            published.add(properties);
        }
    });

    @Test
    void publishedEventsAreClearedAndEventsSavedSinceStayPending() {
        ContactEvent created = ContactEvent.changed(Set.of("email"), T0);
        contacts.create(new Contact("c1"), List.of(created));
        Contact read = contacts.find("c1").orElseThrow();
        read.setProperty("plan", "pro", T0);
        ContactEvent later = ContactEvent.changed(Set.of("plan"), T0);
        contacts.save(read, List.of(later));

        outbox.publish("c1", List.of(created));

        assertThat(published).containsExactly(Set.of("email"));
        assertThat(contacts.pendingEvents("c1")).containsExactly(later);
    }

    @Test
    void aRefusedEventStaysPendingAndIsPublishedByTheNextAttempt() {
        ContactEvent created = ContactEvent.changed(Set.of("email"), T0);
        contacts.create(new Contact("c1"), List.of(created));
        busRefuses = true;

        assertThatThrownBy(() -> outbox.publish("c1", List.of(created))).isInstanceOf(IllegalStateException.class);
        assertThat(contacts.pendingEvents("c1")).containsExactly(created);

        busRefuses = false;
        outbox.publishPending("c1");
        outbox.publishPending("c1");

        assertThat(published).containsExactly(Set.of("email"));
        assertThat(contacts.pendingEvents("c1")).isEmpty();
    }
}
