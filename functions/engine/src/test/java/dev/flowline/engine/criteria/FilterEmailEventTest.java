package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.flowline.engine.criteria.FilterFixtures.event;
import static dev.flowline.engine.criteria.FilterFixtures.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterEmailEventTest {

    private static final Map<String, String> EVENT_TYPES = Map.of(
            "sent", StandardEvents.EMAIL_SENT,
            "delivered", StandardEvents.EMAIL_DELIVERED,
            "open", StandardEvents.EMAIL_OPEN,
            "click", StandardEvents.EMAIL_CLICK,
            "reply", StandardEvents.EMAIL_REPLY,
            "bounce", StandardEvents.EMAIL_BOUNCE,
            "spam", StandardEvents.EMAIL_SPAM,
            "unsubscribe", StandardEvents.EMAIL_UNSUBSCRIBE);

    private final Contact contact = new Contact("1");

    /** Records email events (by short name) about the email of app 7, a day apart, the last one a day ago. */
    private void received(String emailId, String... names) {
        for (int i = 0; i < names.length; i++) {
            Map<String, String> properties = new HashMap<>(Map.of(StandardEvents.EMAIL_ID, emailId,
                    StandardEvents.APP_ID, "7"));
            if (names[i].equals("click")) {
                properties.put(StandardEvents.URL, "https://example.com/offer");
            }
            contact.record(event(EVENT_TYPES.get(names[i]), Duration.ofDays(names.length - i), properties));
        }
    }

    private static String filter(String operator, String extra) {
        return """
                {"filterType":"EMAIL_EVENT","appId":7,"emailId":"55","level":"EMAIL","operator":"%s"%s}"""
                .formatted(operator, extra);
    }

    @ParameterizedTest(name = "{0} after [{1}] = {2}")
    @CsvSource({
            "BOUNCED, sent bounce, true", "BOUNCED, sent, false",
            "LINK_CLICKED, sent open click, true", "LINK_CLICKED, sent open, false",
            "MARKED_SPAM, open spam, true", "MARKED_SPAM, open, false",
            "OPENED, delivered open, true", "OPENED, delivered, false",
            "OPENED_BUT_LINK_NOT_CLICKED, open, true", "OPENED_BUT_LINK_NOT_CLICKED, open click, false",
            "OPENED_BUT_LINK_NOT_CLICKED, sent, false",
            "OPENED_BUT_NOT_REPLIED, open, true", "OPENED_BUT_NOT_REPLIED, open reply, false",
            "RECEIVED, sent delivered, true", "RECEIVED, sent, false",
            "RECEIVED_BUT_NOT_OPENED, delivered, true", "RECEIVED_BUT_NOT_OPENED, delivered open, false",
            "REPLIED, open reply, true", "REPLIED, open, false",
            "SENT, sent, true", "SENT, delivered, false",
            "SENT_BUT_LINK_NOT_CLICKED, sent open, true", "SENT_BUT_LINK_NOT_CLICKED, sent open click, false",
            "SENT_BUT_NOT_RECEIVED, sent, true", "SENT_BUT_NOT_RECEIVED, sent delivered, false",
            "UNSUBSCRIBED, open unsubscribe, true", "UNSUBSCRIBED, open, false"})
    void everyOperatorLooksForItsEmailEvents(String operator, String events, boolean expected) {
        received("55", events.split(" "));

        assertThat(matches(filter(operator, ""), contact)).isEqualTo(expected);
    }

    @Test
    void eventsOfAnotherEmailDoNotCount() {
        received("56", "sent", "open");
        received("55", "sent");

        assertThat(matches(filter("OPENED", ""), contact)).isFalse();
        assertThat(matches(filter("SENT_BUT_LINK_NOT_CLICKED", ""), contact)).isTrue();
    }

    @Test
    void eventsOfAnotherAppDoNotCount() {
        received("55", "open");

        assertThat(matches(filter("OPENED", ""), contact)).isTrue();
        assertThat(matches(filter("OPENED", "").replace("\"appId\":7", "\"appId\":8"), contact)).isFalse();
        assertThat(matches(filter("OPENED", "").replace("\"appId\":7,", ""), contact)).isTrue();
    }

    @Test
    void linkClickedCanNameTheLink() {
        received("55", "open", "click");

        assertThat(matches(filter("LINK_CLICKED", ",\"clickUrl\":\"https://EXAMPLE.com/offer/\""), contact)).isTrue();
        assertThat(matches(filter("LINK_CLICKED", ",\"clickUrl\":\"https://example.com/other\""), contact)).isFalse();
        assertThat(matches(filter("OPENED_BUT_LINK_NOT_CLICKED", ",\"clickUrl\":\"https://example.com/other\""),
                contact)).isTrue();
    }

    @Test
    void butNotOperatorsLookForTheSpoilerInTheSameWindow() {
        received("55", "sent", "open", "click", "sent", "open");
        String lastTwoDays = """
                ,"pruningRefineBy":{"type":"RELATIVE_COMPARATIVE","comparison":"AFTER",
                  "timeOffset":{"amount":2,"offsetDirection":"PAST","timeUnit":"DAYS"}}""";

        assertThat(matches(filter("OPENED_BUT_LINK_NOT_CLICKED", ""), contact)).isFalse();
        assertThat(matches(filter("OPENED_BUT_LINK_NOT_CLICKED", lastTwoDays), contact)).isTrue();
    }

    @Test
    void occurrencesCountTheEmailEvents() {
        received("55", "open", "open", "open");
        String twoOrFewer = """
                ,"coalescingRefineBy":{"type":"NUM_OCCURRENCES","minOccurrences":1,"maxOccurrences":2}""";

        assertThat(matches(filter("OPENED", twoOrFewer), contact)).isFalse();
        assertThat(matches(filter("OPENED", twoOrFewer.replace("2}", "3}")), contact)).isTrue();
    }

    @Test
    void refusesAnUnknownOperator() {
        assertThatThrownBy(() -> matches(filter("FORWARDED", ""), contact))
                .isInstanceOf(UnsupportedFilterException.class)
                .hasMessageContaining("FORWARDED");
        assertThatThrownBy(() -> matches("""
                {"filterType":"EMAIL_EVENT","emailId":"55"}""", contact))
                .isInstanceOf(UnsupportedFilterException.class);
    }
}
