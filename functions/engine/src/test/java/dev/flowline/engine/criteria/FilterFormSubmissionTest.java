package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.flowline.engine.criteria.FilterFixtures.contactWith;
import static dev.flowline.engine.criteria.FilterFixtures.event;
import static dev.flowline.engine.criteria.FilterFixtures.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterFormSubmissionTest {

    private final Contact contact = contactWith(event(StandardEvents.FORM_SUBMISSION, Duration.ofDays(1),
            Map.of(StandardEvents.FORM_ID, "form-a", StandardEvents.PAGE_ID, "page-1")));

    @Test
    void filledOutAnyFormWhenNoFormIsNamed() {
        assertThat(matches("""
                {"filterType":"FORM_SUBMISSION","operator":"FILLED_OUT"}""", contact)).isTrue();
        assertThat(matches("""
                {"filterType":"FORM_SUBMISSION","operator":"FILLED_OUT"}""", new Contact("2"))).isFalse();
    }

    @Test
    void filledOutTheNamedForm() {
        assertThat(matches("""
                {"filterType":"FORM_SUBMISSION","formId":"form-a","operator":"FILLED_OUT"}""", contact)).isTrue();
        assertThat(matches("""
                {"filterType":"FORM_SUBMISSION","formId":"form-b","operator":"FILLED_OUT"}""", contact)).isFalse();
    }

    @Test
    void notFilledOutIsTheNegation() {
        assertThat(matches("""
                {"filterType":"FORM_SUBMISSION","formId":"form-a","operator":"NOT_FILLED_OUT"}""", contact)).isFalse();
        assertThat(matches("""
                {"filterType":"FORM_SUBMISSION","formId":"form-b","operator":"NOT_FILLED_OUT"}""", contact)).isTrue();
    }

    @Test
    void onPageAlsoMatchesThePage() {
        assertThat(matches("""
                {"filterType":"FORM_SUBMISSION_ON_PAGE","formId":"form-a","pageId":"page-1","operator":"FILLED_OUT"}
                """, contact)).isTrue();
        assertThat(matches("""
                {"filterType":"FORM_SUBMISSION_ON_PAGE","formId":"form-a","pageId":"page-2","operator":"FILLED_OUT"}
                """, contact)).isFalse();
        assertThat(matches("""
                {"filterType":"FORM_SUBMISSION_ON_PAGE","formId":"form-a","pageId":"page-2","operator":"NOT_FILLED_OUT"}
                """, contact)).isTrue();
    }

    @Test
    void otherEventsWithAFormIdAreNotSubmissions() {
        Contact viewer = contactWith(event("4-1639797", Duration.ofDays(1), Map.of(StandardEvents.FORM_ID, "form-a")));

        assertThat(matches("""
                {"filterType":"FORM_SUBMISSION","formId":"form-a","operator":"FILLED_OUT"}""", viewer)).isFalse();
    }

    @Test
    void refusesAnUnknownOperator() {
        assertThatThrownBy(() -> matches("""
                {"filterType":"FORM_SUBMISSION","operator":"SUBMITTED"}""", contact))
                .isInstanceOf(UnsupportedFilterException.class);
    }
}
