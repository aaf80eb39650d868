package dev.flowline.engine.contact;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ContactTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static Contact contact() {
        var contact = new Contact("c1");
        contact.setProperty("city", "Lyon", T0);
        contact.addToList("7");
        contact.record(new ActivityEvent("e_demo", T0, Map.of()));
        contact.takeChanges();
        return contact;
    }

    @Test
    void aChangedCopyLeavesItsOriginalAsItWas() {
        var original = contact();

        var copy = original.copy();
        copy.setProperty("city", "Paris", T0.plusSeconds(1));
        copy.addToList("8");
        copy.record(new ActivityEvent("e_demo", T0.plusSeconds(1), Map.of()));
        copy.subscribe("marketing", SubscriptionState.OPT_IN);

        assertThat(original.value("city")).contains("Lyon");
        assertThat(original.history("city")).hasSize(1);
        assertThat(original.staticListIds()).containsExactly("7");
        assertThat(original.events()).hasSize(1);
        assertThat(original.events("e_demo")).hasSize(1);
        assertThat(original.subscriptions()).isEmpty();
        assertThat(copy.value("city")).contains("Paris");
        assertThat(copy.events("e_demo")).hasSize(2);
    }

    @Test
    void aChangedOriginalLeavesItsCopiesAsTheyWere() {
        var original = contact();
        var copy = original.copy();

        original.setProperty("city", "Paris", T0.plusSeconds(1));
        original.removeFromList("7");
        original.record(new ActivityEvent("e_other", T0.plusSeconds(1), Map.of()));

        assertThat(copy.value("city")).contains("Lyon");
        assertThat(copy.staticListIds()).containsExactly("7");
        assertThat(copy.events()).hasSize(1);
        assertThat(copy.events("e_other")).isEmpty();
    }

    @Test
    void theEventsOfATypeFollowEveryRecordedEventInTimeOrder() {
        var contact = contact();
        assertThat(contact.events("e_demo")).hasSize(1);

        contact.record(new ActivityEvent("e_demo", T0.minusSeconds(60), Map.of("n", "earlier")));
        contact.record(new ActivityEvent("e_other", T0.plusSeconds(60), Map.of()));

        assertThat(contact.events("e_demo")).extracting(ActivityEvent::occurredAt)
                .containsExactly(T0.minusSeconds(60), T0);
        assertThat(contact.events("e_other")).hasSize(1);
        assertThat(contact.events("e_unknown")).isEmpty();
    }

    @Test
    void beforeAChangeIsTheContactWithoutItsLatestVersions() {
        var contact = contact();
        contact.setProperty("city", "Paris", T0.plusSeconds(1));

        var before = contact.before(Set.of("city"));

        assertThat(before.value("city")).contains("Lyon");
        assertThat(contact.value("city")).contains("Paris");
    }
}
