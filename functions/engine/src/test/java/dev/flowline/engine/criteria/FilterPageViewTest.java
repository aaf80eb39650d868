package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static dev.flowline.engine.criteria.FilterFixtures.contactWith;
import static dev.flowline.engine.criteria.FilterFixtures.event;
import static dev.flowline.engine.criteria.FilterFixtures.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterPageViewTest {

    private final Contact visitor = contactWith(
            event(StandardEvents.PAGE_VIEW, Duration.ofDays(2),
                    Map.of(StandardEvents.URL, "https://Example.com/Pricing/")),
            event(StandardEvents.EMAIL_CLICK, Duration.ofDays(1),
                    Map.of(StandardEvents.URL, "https://example.com/blog")));

    private boolean viewed(String operator, String pageUrl) {
        return matches("""
                {"filterType":"PAGE_VIEW","pageUrl":"%s","operator":"%s","enableTracking":false}"""
                .formatted(pageUrl, operator), visitor);
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
            "HAS_PAGEVIEW_EQ, https://example.com/Pricing, true",
            "HAS_PAGEVIEW_EQ, HTTPS://EXAMPLE.COM/Pricing/, true",
            "HAS_PAGEVIEW_EQ, https://example.com/pricing, false",
            "HAS_PAGEVIEW_EQ, https://example.com/Pricing/plans, false",
            "HAS_PAGEVIEW_EQ, https://example.com/blog, false",
            "NOT_HAS_PAGEVIEW_EQ, https://example.com/Pricing, false",
            "NOT_HAS_PAGEVIEW_EQ, https://example.com/blog, true",
            "HAS_PAGEVIEW_CONTAINS, pricing, true",
            "HAS_PAGEVIEW_CONTAINS, /pricing/plans, false",
            "HAS_PAGEVIEW_CONTAINS, blog, false",
            "NOT_HAS_PAGEVIEW_CONTAINS, pricing, false",
            "NOT_HAS_PAGEVIEW_CONTAINS, blog, true",
            "HAS_PAGEVIEW_MATCHES_REGEX, /Pric(ing|es)/?$, true",
            "HAS_PAGEVIEW_MATCHES_REGEX, ^https://example\\.com/pricing, false",
            "HAS_PAGEVIEW_MATCHES_REGEX, /blog, false"})
    void comparesTheUrlsOfPageViews(String operator, String pageUrl, boolean expected) {
        assertThat(viewed(operator, pageUrl.replace("\\", "\\\\"))).isEqualTo(expected);
    }

    @Test
    void theSameRegexIsReusedAcrossContacts() {
        String filter = """
                {"filterType":"PAGE_VIEW","pageUrl":"/docs/[a-z]+","operator":"HAS_PAGEVIEW_MATCHES_REGEX"}""";
        Contact reader = contactWith(event(StandardEvents.PAGE_VIEW, Duration.ofDays(1),
                Map.of(StandardEvents.URL, "https://example.com/docs/api")));

        assertThat(matches(filter, reader)).isTrue();
        assertThat(matches(filter, visitor)).isFalse();
        assertThat(matches(filter, reader)).isTrue();
    }

    @Test
    void refusesAnInvalidRegex() {
        assertThatThrownBy(() -> viewed("HAS_PAGEVIEW_MATCHES_REGEX", "(unclosed"))
                .isInstanceOf(UnsupportedFilterException.class);
    }

    @Test
    void refusesAFilterWithoutAUrlOrWithAnUnknownOperator() {
        assertThatThrownBy(() -> matches("""
                {"filterType":"PAGE_VIEW","operator":"HAS_PAGEVIEW_EQ"}""", visitor))
                .isInstanceOf(UnsupportedFilterException.class);
        assertThatThrownBy(() -> viewed("HAS_PAGEVIEW_STARTS_WITH", "https://example.com"))
                .isInstanceOf(UnsupportedFilterException.class);
    }
}
