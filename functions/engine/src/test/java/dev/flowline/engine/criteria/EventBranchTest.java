package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.flowline.engine.criteria.FilterFixtures.CONTEXT;
import static dev.flowline.engine.criteria.FilterFixtures.EVALUATOR;
import static dev.flowline.engine.criteria.FilterFixtures.FALSE;
import static dev.flowline.engine.criteria.FilterFixtures.TRUE;
import static dev.flowline.engine.criteria.FilterFixtures.branch;
import static dev.flowline.engine.criteria.FilterFixtures.contactWith;
import static dev.flowline.engine.criteria.FilterFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code UNIFIED_EVENTS} branches evaluated on a contact's event history. */
class EventBranchTest {

    private static final String FORM = StandardEvents.FORM_SUBMISSION;

    private final Contact submitted = contactWith(event(FORM, Duration.ofDays(3), Map.of()));

    private static FilterBranch unified(String operator, String filters, String extra) {
        return branch("""
                {"filterBranchType":"UNIFIED_EVENTS","filterBranchOperator":"AND","eventTypeId":"%s",
                 "operator":"%s","filters":[%s],"filterBranches":[]%s}""".formatted(FORM, operator, filters, extra));
    }

    @Test
    void hasCompletedPassesWhenTheContactHasAnEventOfTheType() {
        assertThat(EVALUATOR.matches(unified("HAS_COMPLETED", "", ""), submitted, CONTEXT)).isTrue();
        assertThat(EVALUATOR.matches(unified("HAS_COMPLETED", "", ""), new Contact("2"), CONTEXT)).isFalse();
    }

    @Test
    void eventsOfOtherTypesDoNotCount() {
        Contact viewer = contactWith(event(StandardEvents.PAGE_VIEW, Duration.ofDays(1), Map.of()));

        assertThat(EVALUATOR.matches(unified("HAS_COMPLETED", "", ""), viewer, CONTEXT)).isFalse();
    }

    @Test
    void hasNotCompletedIsTheNegation() {
        assertThat(EVALUATOR.matches(unified("HAS_NOT_COMPLETED", "", ""), submitted, CONTEXT)).isFalse();
        assertThat(EVALUATOR.matches(unified("HAS_NOT_COMPLETED", "", ""), new Contact("2"), CONTEXT)).isTrue();
    }

    @Test
    void theEventMustPassTheBranchFilters() {
        assertThat(EVALUATOR.matches(unified("HAS_COMPLETED", TRUE, ""), submitted, CONTEXT)).isTrue();
        assertThat(EVALUATOR.matches(unified("HAS_COMPLETED", TRUE + "," + FALSE, ""), submitted, CONTEXT))
                .isFalse();
        assertThat(EVALUATOR.matches(unified("HAS_NOT_COMPLETED", FALSE, ""), submitted, CONTEXT)).isTrue();
    }

    @Test
    void thePruningWindowNarrowsTheEventsFirst() {
        String lastTwoDays = """
                ,"pruningRefineBy":{"type":"RELATIVE_COMPARATIVE","comparison":"AFTER",
                  "timeOffset":{"amount":2,"offsetDirection":"PAST","timeUnit":"DAYS"}}""";

        assertThat(EVALUATOR.matches(unified("HAS_COMPLETED", "", lastTwoDays), submitted, CONTEXT)).isFalse();
        assertThat(EVALUATOR.matches(unified("HAS_NOT_COMPLETED", "", lastTwoDays), submitted, CONTEXT)).isTrue();
    }

    @Test
    void theCoalescingRefineByCountsOccurrences() {
        String twice = """
                ,"coalescingRefineBy":{"type":"NUM_OCCURRENCES","minOccurrences":2}""";
        Contact twiceSubmitted = contactWith(event(FORM, Duration.ofDays(3), Map.of()),
                event(FORM, Duration.ofDays(1), Map.of()));

        assertThat(EVALUATOR.matches(unified("HAS_COMPLETED", "", twice), submitted, CONTEXT)).isFalse();
        assertThat(EVALUATOR.matches(unified("HAS_COMPLETED", "", twice), twiceSubmitted, CONTEXT)).isTrue();
    }

    @Test
    void nestedBranchesApplyToTheContact() {
        String inList = """
                ,"filterBranches":[{"filterBranchType":"AND","filterBranchOperator":"AND",
                  "filters":[{"filterType":"IN_LIST","listId":"5","operator":"IN_LIST"}]}]""";
        FilterBranch branch = branch("""
                {"filterBranchType":"UNIFIED_EVENTS","eventTypeId":"%s","operator":"HAS_COMPLETED"%s}"""
                .formatted(FORM, inList));

        assertThat(EVALUATOR.matches(branch, submitted, CONTEXT)).isFalse();
        submitted.addToList("5");
        assertThat(EVALUATOR.matches(branch, submitted, CONTEXT)).isTrue();
    }

    @Test
    void nestedInOrAndNotBranchesAsAnyOtherChild() {
        FilterBranch root = branch("""
                {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
                  {"filterBranchType":"NOT_ALL","filterBranchOperator":"NOT_ALL","filters":[],"filterBranches":[
                    {"filterBranchType":"UNIFIED_EVENTS","eventTypeId":"%s","operator":"HAS_COMPLETED"}]}]}"""
                .formatted(FORM));

        assertThat(EVALUATOR.matches(root, submitted, CONTEXT)).isFalse();
        assertThat(EVALUATOR.matches(root, new Contact("2"), CONTEXT)).isTrue();
    }

    @Test
    void refusesABranchWithoutAnEventType() {
        FilterBranch branch = branch("""
                {"filterBranchType":"UNIFIED_EVENTS","operator":"HAS_COMPLETED"}""");

        assertThatThrownBy(() -> EVALUATOR.matches(branch, submitted, CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class);
    }

    @Test
    void refusesAnUnknownOperator() {
        assertThatThrownBy(() -> EVALUATOR.matches(unified("HAS_DONE", "", ""), submitted, CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class)
                .hasMessageContaining("HAS_DONE");
    }

    @Test
    void refusesFiltersThatDoNotApplyToAnEvent() {
        String inList = """
                {"filterType":"IN_LIST","listId":"5","operator":"IN_LIST"}""";

        assertThatThrownBy(() -> EVALUATOR.matches(unified("HAS_COMPLETED", inList, ""), submitted, CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class);
    }
}
