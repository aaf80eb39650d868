package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.flowline.engine.criteria.FilterFixtures.CONTEXT;
import static dev.flowline.engine.criteria.FilterFixtures.EVALUATOR;
import static dev.flowline.engine.criteria.FilterFixtures.FALSE;
import static dev.flowline.engine.criteria.FilterFixtures.TRUE;
import static dev.flowline.engine.criteria.FilterFixtures.branch;
import static dev.flowline.engine.criteria.FilterFixtures.branchOf;
import static dev.flowline.engine.criteria.FilterFixtures.constant;
import static dev.flowline.engine.criteria.FilterFixtures.filter;
import static dev.flowline.engine.criteria.FilterFixtures.nest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterBranchTest {

    private final Contact contact = new Contact("1");

    @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
    @CsvSource({
            "OR, true, true, true", "OR, true, false, true", "OR, false, true, true", "OR, false, false, false",
            "AND, true, true, true", "AND, true, false, false",
            "AND, false, true, false", "AND, false, false, false",
            "NOT_ALL, true, true, false", "NOT_ALL, true, false, true", "NOT_ALL, false, false, true",
            "NOT_ANY, true, true, false", "NOT_ANY, false, true, false", "NOT_ANY, false, false, true"})
    void combinesChildFiltersByBranchType(String type, boolean first, boolean second, boolean expected) {
        FilterBranch branch = branchOf(type, first ? TRUE : FALSE, second ? TRUE : FALSE);

        assertThat(EVALUATOR.matches(branch, contact, CONTEXT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
    @CsvSource({
            "OR, false, true, true", "OR, false, false, false",
            "AND, true, true, true", "AND, true, false, false",
            "NOT_ALL, true, false, true", "NOT_ALL, true, true, false",
            "NOT_ANY, false, false, true", "NOT_ANY, false, true, false"})
    void combinesChildBranchesByBranchType(String type, boolean first, boolean second, boolean expected) {
        FilterBranch branch = nest(type, branchOf("AND", first ? TRUE : FALSE),
                branchOf("AND", second ? TRUE : FALSE));

        assertThat(EVALUATOR.matches(branch, contact, CONTEXT)).isEqualTo(expected);
    }

    @Test
    void orPassesOnAChildBranchWhenItsOwnFiltersFail() {
        FilterBranch branch = branch("""
                {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[%s],
                 "filterBranches":[
                   {"filterBranchType":"AND","filterBranchOperator":"AND","filters":[%s],"filterBranches":[]}]}
                """.formatted(FALSE, TRUE));

        assertThat(EVALUATOR.matches(branch, contact, CONTEXT)).isTrue();
    }

    @Test
    void andNeedsItsFiltersAndItsChildBranchesToPass() {
        FilterBranch branch = branch("""
                {"filterBranchType":"AND","filterBranchOperator":"AND","filters":[%s],
                 "filterBranches":[{"filterBranchType":"AND","filterBranchOperator":"AND","filters":[%s]}]}
                """.formatted(TRUE, FALSE));

        assertThat(EVALUATOR.matches(branch, contact, CONTEXT)).isFalse();
    }

    @Test
    void hubSpotDisjunctiveNormalFormPassesWhenOneAndBranchPassesWhole() {
        FilterBranch root = branch("""
                {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
                  {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[%s,%s]},
                  {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[%s,%s]}]}
                """.formatted(TRUE, FALSE, TRUE, TRUE));

        assertThat(EVALUATOR.matches(root, contact, CONTEXT)).isTrue();
    }

    @Test
    void deepNestingNegatesAtEachLevel() {
        FilterBranch notAnyOfNotAll = nest("NOT_ANY", branchOf("NOT_ALL", TRUE, TRUE));

        assertThat(EVALUATOR.matches(notAnyOfNotAll, contact, CONTEXT)).isTrue();
    }

    @Test
    void emptyOrMatchesNobody() {
        assertThat(EVALUATOR.matches(branchOf("OR"), contact, CONTEXT)).isFalse();
        assertThat(EVALUATOR.matches(branch("""
                {"filterBranchType":"OR","filterBranchOperator":"OR"}"""), contact, CONTEXT)).isFalse();
    }

    @Test
    void emptyAndMatchesEverybody() {
        assertThat(EVALUATOR.matches(branchOf("AND"), contact, CONTEXT)).isTrue();
    }

    @Test
    void emptyNegationsAreTheNegationsOfTheEmptyBranches() {
        assertThat(EVALUATOR.matches(branchOf("NOT_ANY"), contact, CONTEXT)).isTrue();
        assertThat(EVALUATOR.matches(branchOf("NOT_ALL"), contact, CONTEXT)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RESTRICTED", "SOMETHING_NEW"})
    void refusesBranchTypesItDoesNotEvaluate(String type) {
        FilterBranch branch = branchOf(type, TRUE);

        assertThatThrownBy(() -> EVALUATOR.matches(branch, contact, CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class)
                .hasMessageContaining(type);
    }

    @Test
    void anAssociationBranchWithoutAnObjectTypeIsRefused() {
        assertThatThrownBy(() -> EVALUATOR.matches(branchOf("ASSOCIATION", TRUE), contact, CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("objectTypeId");
    }

    @Test
    void refusesABranchWithoutAType() {
        FilterBranch branch = branch("""
                {"filters":[%s]}""".formatted(TRUE));

        assertThatThrownBy(() -> EVALUATOR.matches(branch, contact, CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class);
    }

    @Test
    void refusesAnUnsupportedBranchNestedUnderAPassingOne() {
        FilterBranch branch = nest("AND", branchOf("AND", TRUE), branchOf("RESTRICTED", TRUE));

        assertThatThrownBy(() -> EVALUATOR.matches(branch, contact, CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class);
    }

    @Test
    void constantFilterAcceptsOrRejects() {
        assertThat(EVALUATOR.matches(constant(true), contact, CONTEXT)).isTrue();
        assertThat(EVALUATOR.matches(constant(false), contact, CONTEXT)).isFalse();
    }

    @Test
    void refusesAConstantFilterWithoutShouldAccept() {
        Filter constant = filter("""
                {"filterType":"CONSTANT"}""");

        assertThatThrownBy(() -> EVALUATOR.matches(constant, contact, CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class);
    }

    @Test
    void refusesUnknownFilterTypesRatherThanFailingThem() {
        FilterBranch branch = branchOf("NOT_ANY", """
                {"filterType":"WEBINAR","operator":"HAS_WEBINAR_REGISTRATION"}""");

        assertThatThrownBy(() -> EVALUATOR.matches(branch, contact, CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class)
                .hasMessageContaining("WEBINAR");
    }
}
