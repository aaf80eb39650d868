package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.simulation.Outbox;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.context;
import static dev.flowline.engine.action.ActionTesting.withOutputs;
import static org.assertj.core.api.Assertions.assertThat;

/** If/then, value-equals and random-split branches (reference 6.7). */
class BranchesTest {

    private static final ActionExecutor EXECUTOR = ActionTesting.executor(new Outbox());

    private static String tierIs(String tier) {
        return """
                {"filterBranchType":"OR","filterBranchOperator":"OR","filterBranches":[
                  {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[
                    {"filterType":"PROPERTY","property":"tier","operation":
                      {"operationType":"STRING","operator":"IS_EQUAL_TO","value":"%s","includeObjectsWithNoValueSet":false}}]}],
                 "filters":[]}""".formatted(tier);
    }

    private static Flow flowWith(String branchAction) {
        return Flow.parse("""
                {"id":"B","type":"CONTACT_FLOW","objectTypeId":"0-1","isEnabled":true,"startActionId":"1",
                 "enrollmentCriteria":{"type":"MANUAL","shouldReEnroll":false},"actions":[%s]}""".formatted(branchAction));
    }

    private static String next(Flow flow, Contact contact) {
        return ((StepResult.Next) EXECUTOR.execute(flow.action("1").orElseThrow(), context(flow, contact, START)))
                .nextActionId();
    }

    private static final Flow IF_THEN = flowWith("""
            {"type":"LIST_BRANCH","actionId":"1","listBranches":[
               {"branchName":"gold","filterBranch":%s,"connection":{"edgeType":"STANDARD","nextActionId":"10"}},
               {"branchName":"gold again","filterBranch":%s,"connection":{"edgeType":"STANDARD","nextActionId":"20"}},
               {"branchName":"silver","filterBranch":%s,"connection":{"edgeType":"GOTO","nextActionId":"30"}}],
             "defaultBranchName":"none met","defaultBranch":{"edgeType":"STANDARD","nextActionId":"99"}}"""
            .formatted(tierIs("gold"), tierIs("gold"), tierIs("silver")));

    @Test
    void ifThenBranchesAreEvaluatedInOrderAndTheFirstMatchWins() {
        assertThat(next(IF_THEN, contact("c1", "tier", "gold"))).isEqualTo("10");
    }

    @Test
    void ifThenFollowsAGoToEdgeLikeAnyOther() {
        assertThat(next(IF_THEN, contact("c1", "tier", "silver"))).isEqualTo("30");
    }

    @Test
    void ifThenWithNoMatchingBranchTakesTheDefaultBranch() {
        assertThat(next(IF_THEN, contact("c1", "tier", "bronze"))).isEqualTo("99");
        assertThat(next(IF_THEN, contact("c1"))).isEqualTo("99");
    }

    private static final Flow VALUE_EQUALS = flowWith("""
            {"type":"STATIC_BRANCH","actionId":"1","inputValue":{"type":"OBJECT_PROPERTY","propertyName":"hs_lead_status"},
             "staticBranches":[
               {"branchValue":"NEW","connection":{"edgeType":"STANDARD","nextActionId":"10"}},
               {"branchValue":"OPEN","connection":{"edgeType":"STANDARD","nextActionId":"20"}}],
             "defaultBranch":{"edgeType":"STANDARD","nextActionId":"99"}}""");

    @Test
    void valueEqualsTakesTheBranchOfThePropertysValue() {
        assertThat(next(VALUE_EQUALS, contact("c1", "hs_lead_status", "OPEN"))).isEqualTo("20");
    }

    @Test
    void valueEqualsWithAnUnlistedOrEmptyValueTakesTheDefaultBranch() {
        assertThat(next(VALUE_EQUALS, contact("c1", "hs_lead_status", "CLOSED"))).isEqualTo("99");
        assertThat(next(VALUE_EQUALS, contact("c1"))).isEqualTo("99");
    }

    @Test
    void valueEqualsOnTheOutputOfAnEarlierActionRoutesMetAndNotMet() {
        Flow flow = flowWith("""
                {"type":"STATIC_BRANCH","actionId":"1",
                 "inputValue":{"type":"FIELD_DATA","actionId":"5","dataKey":"hs_event_criteria_met"},
                 "staticBranches":[
                   {"branchValue":"true","connection":{"edgeType":"STANDARD","nextActionId":"10"}},
                   {"branchValue":"false","connection":{"edgeType":"STANDARD","nextActionId":"20"}}]}""");
        var met = withOutputs(context(flow, contact("c1"), START), "5", Map.of("hs_event_criteria_met", "true"));
        var notMet = withOutputs(context(flow, contact("c1"), START), "5", Map.of("hs_event_criteria_met", "false"));

        assertThat(((StepResult.Next) EXECUTOR.execute(flow.action("1").orElseThrow(), met)).nextActionId()).isEqualTo("10");
        assertThat(((StepResult.Next) EXECUTOR.execute(flow.action("1").orElseThrow(), notMet)).nextActionId()).isEqualTo("20");
    }

    private static final Flow SPLIT = flowWith("""
            {"type":"AB_TEST_BRANCH","actionId":"1","testBranches":[
               {"percentage":20,"connection":{"edgeType":"STANDARD","nextActionId":"10"}},
               {"percentage":80,"connection":{"edgeType":"STANDARD","nextActionId":"20"}}]}""");

    @Test
    void aRandomSplitTakesTheSameArmWhenTheStepIsRetried() {
        Contact contact = contact("c7");
        assertThat(IntStream.range(0, 5).mapToObj(i -> next(SPLIT, contact)).distinct()).hasSize(1);
    }

    @Test
    void aRandomSplitSpreadsContactsByTheArmsPercentages() {
        Map<String, Integer> arms = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            arms.merge(next(SPLIT, contact("c" + i)), 1, Integer::sum);
        }
        assertThat(arms.get("10")).isBetween(1_800, 2_200);
        assertThat(arms.get("20")).isBetween(7_800, 8_200);
    }
}
