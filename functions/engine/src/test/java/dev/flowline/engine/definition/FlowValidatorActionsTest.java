package dev.flowline.engine.definition;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.flowline.engine.definition.FlowValidatorFixtures.flowOf;
import static dev.flowline.engine.definition.FlowValidatorFixtures.problem;
import static dev.flowline.engine.definition.FlowValidatorFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

class FlowValidatorActionsTest {

    private static final String OR_BRANCH =
            "{'filterBranchType':'OR','filterBranchOperator':'OR','filterBranches':[],'filters':[]}";

    private static String single(String actionTypeId, String fields) {
        return "{'type':'SINGLE_CONNECTION','actionId':'1','actionTypeId':'" + actionTypeId
                + "','actionTypeVersion':0,'fields':" + fields + "}";
    }

    private static String repeat(int times, String item) {
        return IntStream.range(0, times).mapToObj(i -> item).collect(Collectors.joining(","));
    }

    @Test
    void actionOfUnknownTypeIsReported() {
        assertThat(validate(flowOf("{'type':'TELEPORT','actionId':'1'}"))).containsExactly(
                problem("/actions/0/type", "action type \"TELEPORT\" is not known to Flowline"));
    }

    @Test
    void actionWithoutTypeIsReported() {
        assertThat(validate(flowOf("{'actionId':'1'}"))).containsExactly(
                problem("/actions/0/type", "type is required"));
    }

    @Test
    void nullActionIsReported() {
        assertThat(validate(flowOf().put("startActionId", (String) null).set("actions",
                FlowValidatorFixtures.json("{'a':[null]}").get("a")))).containsExactly(
                problem("/actions/0", "this entry must be a JSON object, not null"),
                problem("/startActionId", "startActionId is required when the flow has actions"));
    }

    @Test
    void nullBranchIsReported() {
        assertThat(validate(flowOf("{'type':'LIST_BRANCH','actionId':'1','listBranches':[null]}"))).containsExactly(
                problem("/actions/0/listBranches/0", "this entry must be a JSON object, not null"));
    }

    @Test
    void delayUntilDateNeedsADateOutsideDateCentredFlows() {
        assertThat(validate(flowOf(single("0-35", "{'delta':'-3','time_unit':'DAYS'}")))).containsExactly(
                problem("/actions/0/fields/date", "date is required by action type 0-35 "
                        + "(Delay until a calendar date or a date property)"));
    }

    @Test
    void delayUntilDateCountsFromTheAnchorInDateCentredFlows() {
        var flow = flowOf(single("0-35", "{'delta':'-3','time_unit':'DAYS'}"));
        flow.set("eventAnchor", FlowValidatorFixtures.json("{'type':'CONTACT_PROPERTY_ANCHOR','contactProperty':'renewal_date'}"));
        assertThat(validate(flow)).isEmpty();
    }

    @Test
    void actionTypeIdIsRequired() {
        assertThat(validate(flowOf("{'type':'SINGLE_CONNECTION','actionId':'1','fields':{}}"))).containsExactly(
                problem("/actions/0/actionTypeId", "actionTypeId is required"));
    }

    @Test
    void unknownActionTypeIdIsKeptAsAnAppAction() {
        assertThat(validate(flowOf(single("1-179507819", "{'channel':'#sales'}")))).isEmpty();
    }

    @Test
    void actionTypeIdMustLookLikeOne() {
        assertThat(validate(flowOf(single("slack", "{}")))).containsExactly(problem("/actions/0/actionTypeId",
                "actionTypeId \"slack\" must be two numbers joined by a dash, like \"0-5\""));
    }

    @Test
    void builtInActionNeedsItsFields() {
        assertThat(validate(flowOf(single("0-5", "{'value':{'type':'STATIC_VALUE','staticValue':'x'}}"))))
                .containsExactly(problem("/actions/0/fields/property_name",
                        "property_name is required by action type 0-5 (Set, copy, increment or append a property value)"));
    }

    @Test
    void missingFieldsObjectCountsAsEmpty() {
        assertThat(validate(flowOf("{'type':'SINGLE_CONNECTION','actionId':'1','actionTypeId':'0-13'}")))
                .containsExactly(
                        problem("/actions/0/fields/operation",
                                "operation is required by action type 0-13 (Add to or remove from a static list)"),
                        problem("/actions/0/fields/list_id",
                                "list_id is required by action type 0-13 (Add to or remove from a static list)"));
    }

    @Test
    void addToListNeedsListId() {
        assertThat(validate(flowOf(single("0-63809083", "{'targetObject':'{{ enrolled_object }}'}"))))
                .containsExactly(problem("/actions/0/fields/listId",
                        "listId is required by action type 0-63809083 (Add to a static list)"));
    }

    @Test
    void delayNeedsDeltaAndTimeUnitUnlessItWaitsForADayOrTime() {
        assertThat(validate(flowOf(single("0-1", "{'delta':'5'}")))).containsExactly(
                problem("/actions/0/fields/time_unit", "time_unit is required by action type 0-1 (Delay for a set"
                        + " time, or until a day of the week or time of day), unless fields hold days_of_week or"
                        + " time_of_day"));
        assertThat(validate(flowOf(single("0-1", "{'time_of_day':{'hour':9,'minute':0}}")))).isEmpty();
    }

    @Test
    void delayMustNotBeNegative() {
        assertThat(validate(flowOf(single("0-1", "{'delta':'-5','time_unit':'DAYS'}")))).containsExactly(
                problem("/actions/0/fields/delta", "delta \"-5\" must not be negative"));
    }

    @Test
    void delayMustBeAWholeNumber() {
        assertThat(validate(flowOf(single("0-1", "{'delta':1.5,'time_unit':'DAYS'}")))).containsExactly(
                problem("/actions/0/fields/delta", "delta \"1.5\" must be a whole number"));
        assertThat(validate(flowOf(single("0-1", "{'delta':'soon','time_unit':'DAYS'}")))).containsExactly(
                problem("/actions/0/fields/delta", "delta \"soon\" must be a whole number"));
        assertThat(validate(flowOf(single("0-1", "{'delta':30,'time_unit':'MINUTES'}")))).isEmpty();
    }

    @Test
    void delayTimeUnitMustBeKnown() {
        assertThat(validate(flowOf(single("0-1", "{'delta':'5','time_unit':'SECONDS'}")))).containsExactly(
                problem("/actions/0/fields/time_unit", "time_unit \"SECONDS\" must be one of MINUTES, HOURS, DAYS, WEEKS"));
    }

    @Test
    void delayUntilEventTimeoutMustNotBeNegative() {
        assertThat(validate(flowOf(single("0-29", "{'expiration_minutes':-1,'event_filter_branches':[]}"))))
                .containsExactly(problem("/actions/0/fields/expiration_minutes",
                        "expiration_minutes \"-1\" must not be negative"));
    }

    @Test
    void delayUntilEventBranchesAreCheckedLikeTriggers() {
        assertThat(validate(flowOf(single("0-29", "{'expiration_minutes':60,'event_filter_branches':["
                + "{'filterBranchType':'UNIFIED_EVENTS','filterBranchOperator':'AND','filterBranches':[],'filters':[],"
                + "'eventTypeId':'4-666288','operator':'HAS_HAPPENED'},"
                + "{'filterBranchType':'AND','filterBranchOperator':'AND','filterBranches':[],'filters':[]}]}"))))
                .containsExactly(
                        problem("/actions/0/fields/event_filter_branches/0/operator",
                                "operator \"HAS_HAPPENED\" must be one of HAS_COMPLETED, HAS_NOT_COMPLETED"),
                        problem("/actions/0/fields/event_filter_branches/1/filterBranchType",
                                "an event branch must have filterBranchType \"UNIFIED_EVENTS\", not \"AND\""));
    }

    @Test
    void delayUntilEventBranchesMustBeFilterBranches() {
        assertThat(validate(flowOf(single("0-29", "{'event_filter_branches':[{'filters':'none'}]}"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("/actions/0/fields/event_filter_branches/0/filters");
                    assertThat(p.message()).startsWith("this is not a list of filter branches: ");
                });
    }

    @Test
    void ifThenNeedsListBranchesWithFilterBranches() {
        assertThat(validate(flowOf("{'type':'LIST_BRANCH','actionId':'1'}"))).containsExactly(
                problem("/actions/0/listBranches", "listBranches is required"));
        assertThat(validate(flowOf("{'type':'LIST_BRANCH','actionId':'1','listBranches':[{'branchName':'A'}]}")))
                .containsExactly(problem("/actions/0/listBranches/0/filterBranch", "filterBranch is required"));
    }

    @Test
    void ifThenHasAtMostTwentyBranches() {
        String branch = "{'branchName':'A','filterBranch':" + OR_BRANCH + "}";
        assertThat(validate(flowOf("{'type':'LIST_BRANCH','actionId':'1','listBranches':[" + repeat(20, branch) + "]}")))
                .isEmpty();
        assertThat(validate(flowOf("{'type':'LIST_BRANCH','actionId':'1','listBranches':[" + repeat(21, branch) + "]}")))
                .containsExactly(problem("/actions/0/listBranches",
                        "an if/then branch can have at most 20 branches; this one has 21"));
    }

    @Test
    void valueEqualsNeedsInputValueAndBranchValues() {
        assertThat(validate(flowOf("{'type':'STATIC_BRANCH','actionId':'1'}"))).containsExactly(
                problem("/actions/0/inputValue", "inputValue is required"),
                problem("/actions/0/staticBranches", "staticBranches is required"));
        assertThat(validate(flowOf("{'type':'STATIC_BRANCH','actionId':'1',"
                + "'inputValue':{'type':'OBJECT_PROPERTY','propertyName':'hs_lead_status'},'staticBranches':[{}]}")))
                .containsExactly(problem("/actions/0/staticBranches/0/branchValue", "branchValue is required"));
    }

    @Test
    void valueEqualsHasAtMost250Branches() {
        assertThat(validate(flowOf("{'type':'STATIC_BRANCH','actionId':'1',"
                + "'inputValue':{'type':'OBJECT_PROPERTY','propertyName':'hs_lead_status'},'staticBranches':["
                + repeat(251, "{'branchValue':'x'}") + "]}")))
                .containsExactly(problem("/actions/0/staticBranches",
                        "a value-equals branch can have at most 250 branches; this one has 251"));
    }

    private static String split(String testBranches) {
        return "{'type':'AB_TEST_BRANCH','actionId':'1','testBranches':[" + testBranches + "]}";
    }

    @Test
    void randomSplitPercentagesMustAddUpToAHundred() {
        assertThat(validate(flowOf(split("{'percentage':50,'connection':{'edgeType':'STANDARD','nextActionId':'2'}},"
                + "{'percentage':40,'connection':{'edgeType':'STANDARD','nextActionId':'2'}}"),
                FlowValidatorFixtures.setProperty("2", null)))).containsExactly(
                problem("/actions/0/testBranches", "the percentages add up to 90, not 100"));
    }

    @Test
    void randomSplitNeedsAPercentageAndConnectionOnEveryBranch() {
        assertThat(validate(flowOf(split("{'percentage':50},{'connection':{'edgeType':'STANDARD','nextActionId':'2'}}"),
                FlowValidatorFixtures.setProperty("2", null)))).containsExactly(
                        problem("/actions/0/testBranches/0/connection", "connection is required"),
                        problem("/actions/0/testBranches/1/percentage", "percentage is required"));
    }

    @Test
    void randomSplitNeedsTwoBranches() {
        assertThat(validate(flowOf(split("{'percentage':100,'connection':{'edgeType':'GOTO','nextActionId':'2'}}"),
                FlowValidatorFixtures.setProperty("2", null)))).containsExactly(
                problem("/actions/0/testBranches", "a random split needs at least 2 branches; this one has 1"));
    }

    @Test
    void randomSplitPercentageMustBeBetweenZeroAndAHundred() {
        assertThat(validate(flowOf(split("{'percentage':-10,'connection':{'edgeType':'STANDARD','nextActionId':'2'}},"
                + "{'percentage':110,'connection':{'edgeType':'STANDARD','nextActionId':'2'}}"),
                FlowValidatorFixtures.setProperty("2", null)))).containsExactly(
                problem("/actions/0/testBranches/0/percentage", "percentage -10 must be between 0 and 100"),
                problem("/actions/0/testBranches/1/percentage", "percentage 110 must be between 0 and 100"));
    }

    @Test
    void webhookNeedsMethodAndUrl() {
        assertThat(validate(flowOf("{'type':'WEBHOOK','actionId':'1','queryParams':[]}"))).containsExactly(
                problem("/actions/0/method", "method is required"),
                problem("/actions/0/webhookUrl", "webhookUrl is required"));
    }

    @Test
    void webhookUrlMustUseHttps() {
        assertThat(validate(flowOf("{'type':'WEBHOOK','actionId':'1','method':'POST','webhookUrl':'http://example.com'}")))
                .containsExactly(problem("/actions/0/webhookUrl", "webhookUrl \"http://example.com\" must use https"));
    }

    @Test
    void customCodeNeedsRuntimeAndSourceCode() {
        assertThat(validate(flowOf("{'type':'CUSTOM_CODE','actionId':'1','secretNames':[],'inputFields':[],"
                + "'outputFields':[]}"))).containsExactly(
                problem("/actions/0/runtime", "runtime is required"),
                problem("/actions/0/sourceCode", "sourceCode is required"));
    }
}
