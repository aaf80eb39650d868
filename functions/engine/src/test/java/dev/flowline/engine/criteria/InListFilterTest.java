package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.flowline.engine.criteria.FilterFixtures.CONTEXT;
import static dev.flowline.engine.criteria.FilterFixtures.EVALUATOR;
import static dev.flowline.engine.criteria.FilterFixtures.FALSE;
import static dev.flowline.engine.criteria.FilterFixtures.TRUE;
import static dev.flowline.engine.criteria.FilterFixtures.branchOf;
import static dev.flowline.engine.criteria.FilterFixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InListFilterTest {

    private final Contact contact = new Contact("1");

    private static String inList(String listId) {
        return """
                {"filterType":"IN_LIST","listId":"%s","operator":"IN_LIST"}""".formatted(listId);
    }

    private static String notInList(String listId) {
        return """
                {"filterType":"IN_LIST","listId":"%s","operator":"NOT_IN_LIST"}""".formatted(listId);
    }

    private static EvaluationContext withLists(ListDefinition... lists) {
        Map<String, ListDefinition> byId = new java.util.HashMap<>();
        for (ListDefinition list : lists) {
            byId.put(list.listId(), list);
        }
        return CONTEXT.withLists(listId -> Optional.ofNullable(byId.get(listId)));
    }

    private boolean matches(String filterJson, EvaluationContext context) {
        return EVALUATOR.matches(filter(filterJson), contact, context);
    }

    @Test
    void aListUnknownToTheDirectoryHasTheContactsThatWereAddedToIt() {
        contact.addToList("42");

        assertThat(matches(inList("42"), CONTEXT)).isTrue();
        assertThat(matches(inList("43"), CONTEXT)).isFalse();
    }

    @Test
    void notInListIsTheNegation() {
        contact.addToList("42");

        assertThat(matches(notInList("42"), CONTEXT)).isFalse();
        assertThat(matches(notInList("43"), CONTEXT)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {ListDefinition.MANUAL, ListDefinition.SNAPSHOT})
    void staticListsHoldTheirMembers(String processingType) {
        EvaluationContext context = withLists(new ListDefinition("7", processingType, null));
        contact.addToList("7");

        assertThat(matches(inList("7"), context)).isTrue();
        assertThat(matches(inList("7"), context.withLists(ListDirectory.NONE))).isTrue();
        contact.removeFromList("7");
        assertThat(matches(inList("7"), context)).isFalse();
    }

    @Test
    void aDynamicListHasTheContactsThatPassItsFilterBranch() {
        EvaluationContext passing = withLists(new ListDefinition("9", ListDefinition.DYNAMIC, branchOf("AND", TRUE)));
        EvaluationContext failing = withLists(new ListDefinition("9", ListDefinition.DYNAMIC, branchOf("AND", FALSE)));

        assertThat(matches(inList("9"), passing)).isTrue();
        assertThat(matches(inList("9"), failing)).isFalse();
        assertThat(matches(notInList("9"), failing)).isTrue();
    }

    @Test
    void aDynamicListIgnoresStaticMembershipsUnderItsId() {
        contact.addToList("9");
        EvaluationContext context = withLists(new ListDefinition("9", ListDefinition.DYNAMIC, branchOf("AND", FALSE)));

        assertThat(matches(inList("9"), context)).isFalse();
    }

    @Test
    void dynamicListsCanReferToOtherLists() {
        contact.addToList("1");
        EvaluationContext context = withLists(
                new ListDefinition("2", ListDefinition.DYNAMIC, branchOf("AND", inList("1"))),
                new ListDefinition("3", ListDefinition.DYNAMIC, branchOf("AND", inList("2"), notInList("4"))));

        assertThat(matches(inList("3"), context)).isTrue();
        contact.addToList("4");
        assertThat(matches(inList("3"), context)).isFalse();
    }

    @Test
    void aListReferredToTwiceWithoutACycleIsNotACycle() {
        EvaluationContext context = withLists(
                new ListDefinition("A", ListDefinition.DYNAMIC, branchOf("AND", TRUE)),
                new ListDefinition("B", ListDefinition.DYNAMIC, branchOf("AND", inList("A"), inList("A"))));

        assertThat(matches(inList("B"), context)).isTrue();
    }

    @Test
    void refusesDynamicListsThatReferToEachOtherInACycle() {
        EvaluationContext context = withLists(
                new ListDefinition("1", ListDefinition.DYNAMIC, branchOf("OR", inList("2"))),
                new ListDefinition("2", ListDefinition.DYNAMIC, branchOf("OR", inList("1"))));

        assertThatThrownBy(() -> matches(inList("1"), context))
                .isInstanceOf(UnsupportedFilterException.class)
                .hasMessageContaining("1 -> 2 -> 1");
    }

    @Test
    void refusesADynamicListThatRefersToItself() {
        EvaluationContext context = withLists(
                new ListDefinition("5", ListDefinition.DYNAMIC, branchOf("OR", notInList("5"), TRUE)));

        assertThatThrownBy(() -> matches(notInList("5"), context))
                .isInstanceOf(UnsupportedFilterException.class)
                .hasMessageContaining("5 -> 5");
    }

    @Test
    void refusesADynamicListWithoutAFilterBranch() {
        EvaluationContext context = withLists(new ListDefinition("9", ListDefinition.DYNAMIC, null));

        assertThatThrownBy(() -> matches(inList("9"), context)).isInstanceOf(UnsupportedFilterException.class);
    }

    @Test
    void refusesAListOfAnUnknownProcessingType() {
        EvaluationContext context = withLists(new ListDefinition("9", "SMART", branchOf("AND")));

        assertThatThrownBy(() -> matches(inList("9"), context)).isInstanceOf(UnsupportedFilterException.class);
    }

    @ParameterizedTest
    @EnumSource(WorkflowStatus.class)
    void workflowStatusMetadataAsksTheWorkflowsForTheFlowAndStatus(WorkflowStatus status) {
        List<String> asked = new ArrayList<>();
        EvaluationContext context = CONTEXT.withWorkflows((contactId, flowId, s) -> {
            asked.add(contactId + "/" + flowId + "/" + s);
            return s == status && flowId.equals("flow-12");
        });
        String filter = """
                {"filterType":"IN_LIST","listId":"88","operator":"IN_LIST",
                 "metadata":{"id":"flow-12","inListType":"%s"}}""".formatted(status);

        assertThat(matches(filter, context)).isTrue();
        assertThat(matches(filter.replace("\"IN_LIST\",\n", "\"NOT_IN_LIST\",\n"), context)).isFalse();
        assertThat(asked).contains("1/flow-12/" + status);
    }

    @Test
    void workflowStatusWithoutAFlowIdUsesTheListId() {
        EvaluationContext context = CONTEXT.withWorkflows((contactId, flowId, status) -> flowId.equals("88"));

        assertThat(matches("""
                {"filterType":"IN_LIST","listId":"88","operator":"IN_LIST",
                 "metadata":{"inListType":"WORKFLOWS_ACTIVE"}}""", context)).isTrue();
    }

    @Test
    void workflowStatusIsNotListMembership() {
        contact.addToList("88");

        assertThat(matches("""
                {"filterType":"IN_LIST","listId":"88","operator":"IN_LIST",
                 "metadata":{"id":"88","inListType":"WORKFLOWS_GOAL"}}""", CONTEXT)).isFalse();
    }

    @Test
    void otherMetadataTypesAreListMembership() {
        contact.addToList("88");

        assertThat(matches("""
                {"filterType":"IN_LIST","listId":"88","operator":"IN_LIST",
                 "metadata":{"id":"import-3","inListType":"IMPORT"}}""", CONTEXT)).isTrue();
    }

    @Test
    void refusesAnUnknownOperator() {
        assertThatThrownBy(() -> matches("""
                {"filterType":"IN_LIST","listId":"88","operator":"IS_MEMBER"}""", CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class);
    }

    @Test
    void refusesAFilterWithoutAListId() {
        assertThatThrownBy(() -> matches("""
                {"filterType":"IN_LIST","operator":"IN_LIST"}""", CONTEXT))
                .isInstanceOf(UnsupportedFilterException.class);
    }
}
