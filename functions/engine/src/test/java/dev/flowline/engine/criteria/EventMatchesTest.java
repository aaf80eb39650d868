package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.flowline.engine.criteria.FilterFixtures.CONTEXT;
import static dev.flowline.engine.criteria.FilterFixtures.EVALUATOR;
import static dev.flowline.engine.criteria.FilterFixtures.FALSE;
import static dev.flowline.engine.criteria.FilterFixtures.TRUE;
import static dev.flowline.engine.criteria.FilterFixtures.branch;
import static dev.flowline.engine.criteria.FilterFixtures.branchOf;
import static dev.flowline.engine.criteria.FilterFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whether one just-received event satisfies an event-based trigger's {@code UNIFIED_EVENTS} branch. */
class EventMatchesTest {

    private static final String SIGNED_UP = "2-12345";

    private final Contact contact = new Contact("1");
    private final ActivityEvent signUp = event(SIGNED_UP, Duration.ZERO, Map.of("plan", "pro"));

    private static FilterBranch trigger(String operator, String filters) {
        return branch("""
                {"filterBranchType":"UNIFIED_EVENTS","filterBranchOperator":"AND","eventTypeId":"%s",
                 "operator":"%s","filters":[%s],"filterBranches":[]}""".formatted(SIGNED_UP, operator, filters));
    }

    @Test
    void anEventOfTheBranchTypeMatches() {
        assertThat(EVALUATOR.eventMatches(trigger("HAS_COMPLETED", ""), signUp, contact, CONTEXT)).isTrue();
    }

    @Test
    void anEventOfAnotherTypeDoesNotMatch() {
        ActivityEvent other = event("2-99", Duration.ZERO, Map.of());

        assertThat(EVALUATOR.eventMatches(trigger("HAS_COMPLETED", ""), other, contact, CONTEXT)).isFalse();
    }

    @Test
    void receivingAnEventNeverSatisfiesHasNotCompleted() {
        assertThat(EVALUATOR.eventMatches(trigger("HAS_NOT_COMPLETED", ""), signUp, contact, CONTEXT)).isFalse();
    }

    @Test
    void theEventMustPassTheBranchFilters() {
        assertThat(EVALUATOR.eventMatches(trigger("HAS_COMPLETED", TRUE), signUp, contact, CONTEXT)).isTrue();
        assertThat(EVALUATOR.eventMatches(trigger("HAS_COMPLETED", FALSE), signUp, contact, CONTEXT)).isFalse();
    }

    @Test
    void nestedBranchesApplyToTheContact() {
        FilterBranch branch = new FilterBranch("UNIFIED_EVENTS", "AND",
                List.of(branchOf("AND", """
                        {"filterType":"IN_LIST","listId":"5","operator":"IN_LIST"}""")),
                List.of(), SIGNED_UP, "HAS_COMPLETED", null, null, null, null, null, null);

        assertThat(EVALUATOR.eventMatches(branch, signUp, contact, CONTEXT)).isFalse();
        contact.addToList("5");
        assertThat(EVALUATOR.eventMatches(branch, signUp, contact, CONTEXT)).isTrue();
    }

    @Test
    void anEventOutsideThePruningWindowDoesNotMatch() {
        FilterBranch lastHour = branch("""
                {"filterBranchType":"UNIFIED_EVENTS","eventTypeId":"%s","operator":"HAS_COMPLETED",
                 "pruningRefineBy":{"type":"RELATIVE_COMPARATIVE","comparison":"AFTER",
                   "timeOffset":{"amount":1,"offsetDirection":"PAST","timeUnit":"HOURS"}}}""".formatted(SIGNED_UP));
        ActivityEvent late = event(SIGNED_UP, Duration.ofHours(2), Map.of());

        assertThat(EVALUATOR.eventMatches(lastHour, signUp, contact, CONTEXT)).isTrue();
        assertThat(EVALUATOR.eventMatches(lastHour, late, contact, CONTEXT)).isFalse();
    }

    @Test
    void refusesABranchThatIsNotAnEventBranch() {
        assertThatThrownBy(() -> EVALUATOR.eventMatches(branchOf("AND", TRUE), signUp, contact, CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class);
    }
}
