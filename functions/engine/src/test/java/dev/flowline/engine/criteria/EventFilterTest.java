package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.flowline.engine.criteria.FilterFixtures.contactWith;
import static dev.flowline.engine.criteria.FilterFixtures.event;
import static dev.flowline.engine.criteria.FilterFixtures.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code EVENT} filters: a custom behavioural event the contact did or did not do. */
class EventFilterTest {

    private static final String HAS_EVENT = """
            {"filterType":"EVENT","eventId":"pe123_demo_booked","operator":"HAS_EVENT","filterLines":[]}""";
    private static final String NOT_HAS_EVENT = """
            {"filterType":"EVENT","eventId":"pe123_demo_booked","operator":"NOT_HAS_EVENT"}""";

    private final Contact booked = contactWith(event("pe123_demo_booked", Duration.ofDays(2), Map.of()));
    private final Contact other = contactWith(event("pe123_trial_started", Duration.ofDays(2), Map.of()));

    @Test
    void hasEventPassesWhenTheContactDidThatEvent() {
        assertThat(matches(HAS_EVENT, booked)).isTrue();
        assertThat(matches(HAS_EVENT, other)).isFalse();
    }

    @Test
    void notHasEventIsTheNegation() {
        assertThat(matches(NOT_HAS_EVENT, booked)).isFalse();
        assertThat(matches(NOT_HAS_EVENT, other)).isTrue();
    }

    @Test
    void theRefineBysNarrowAndCountTheEvents() {
        String twiceThisWeek = """
                {"filterType":"EVENT","eventId":"pe123_demo_booked","operator":"HAS_EVENT",
                 "pruningRefineBy":{"type":"RELATIVE_COMPARATIVE","comparison":"AFTER",
                   "timeOffset":{"amount":1,"offsetDirection":"PAST","timeUnit":"WEEKS"}},
                 "coalescingRefineBy":{"type":"NUM_OCCURRENCES","minOccurrences":2}}""";

        assertThat(matches(twiceThisWeek, booked)).isFalse();
        booked.record(event("pe123_demo_booked", Duration.ofDays(8), Map.of()));
        assertThat(matches(twiceThisWeek, booked)).isFalse();
        booked.record(event("pe123_demo_booked", Duration.ofDays(1), Map.of()));
        assertThat(matches(twiceThisWeek, booked)).isTrue();
    }

    @Test
    void refusesAFilterWithoutAnEventId() {
        assertThatThrownBy(() -> matches("""
                {"filterType":"EVENT","operator":"HAS_EVENT"}""", booked))
                .isInstanceOf(UnsupportedFilterException.class);
    }

    @Test
    void refusesAnUnknownOperator() {
        assertThatThrownBy(() -> matches(HAS_EVENT.replace("\"HAS_EVENT\"", "\"DID_EVENT\""), booked))
                .isInstanceOf(UnsupportedFilterException.class)
                .hasMessageContaining("DID_EVENT");
    }
}
