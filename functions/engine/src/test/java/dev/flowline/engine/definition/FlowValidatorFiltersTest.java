package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.definition.FlowValidatorFixtures.FILTER;
import static dev.flowline.engine.definition.FlowValidatorFixtures.emptyFlow;
import static dev.flowline.engine.definition.FlowValidatorFixtures.filterAt;
import static dev.flowline.engine.definition.FlowValidatorFixtures.flowFiltering;
import static dev.flowline.engine.definition.FlowValidatorFixtures.flowOf;
import static dev.flowline.engine.definition.FlowValidatorFixtures.flowTriggeredBy;
import static dev.flowline.engine.definition.FlowValidatorFixtures.json;
import static dev.flowline.engine.definition.FlowValidatorFixtures.problem;
import static dev.flowline.engine.definition.FlowValidatorFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

class FlowValidatorFiltersTest {

    private static final String EMPTY_OR = "{'filterBranchType':'OR','filterBranchOperator':'OR','filterBranches':[],'filters':[]}";

    private static String propertyFilter(String operation) {
        return "{'filterType':'PROPERTY','property':'firstname','operation':" + operation + "}";
    }

    private static String eventBranch(String operator, String filters) {
        return "{'filterBranchType':'UNIFIED_EVENTS','filterBranchOperator':'AND','filterBranches':[],"
                + "'filters':[" + filters + "],'eventTypeId':'4-1639801','operator':'" + operator + "'}";
    }

    private static ObjectNode eventTriggered(String eventBranch) {
        ObjectNode flow = emptyFlow();
        flow.set("enrollmentCriteria", json("{'type':'EVENT_BASED','shouldReEnroll':false,"
                + "'listMembershipFilterBranches':[],'eventFilterBranches':[" + eventBranch + "]}"));
        return flow;
    }

    @Test
    void validFiltersOfEveryEvaluatedKindPass() {
        assertThat(validate(flowFiltering(String.join(",",
                propertyFilter("{'operationType':'NUMBER','operator':'IS_GREATER_THAN','value':5}"),
                propertyFilter("{'operationType':'ALL_PROPERTY','operator':'IS_KNOWN'}"),
                propertyFilter("{'operationType':'TIME_POINT','operator':'IS_AFTER','timePoint':{'timeType':'INDEXED',"
                        + "'timezoneSource':'CUSTOM','zoneId':'UTC','indexReference':{'referenceType':'TODAY'},"
                        + "'offset':{'days':-7}}}"),
                "{'filterType':'IN_LIST','listId':'12','operator':'NOT_IN_LIST'}",
                "{'filterType':'FORM_SUBMISSION','formId':'f','operator':'FILLED_OUT',"
                        + "'coalescingRefineBy':{'type':'NUM_OCCURRENCES','minOccurrences':2}}",
                "{'filterType':'PAGE_VIEW','pageUrl':'https://x.test','operator':'HAS_PAGEVIEW_CONTAINS',"
                        + "'pruningRefineBy':{'type':'ALL_HISTORY'}}",
                "{'filterType':'EMAIL_EVENT','appId':1,'emailId':'2','operator':'OPENED'}",
                "{'filterType':'EVENT','eventId':'e','operator':'HAS_EVENT','filterLines':[]}",
                "{'filterType':'CONSTANT','shouldAccept':true}")))).isEmpty();
    }

    @Test
    void unknownFilterBranchTypeIsNotEvaluated() {
        assertThat(validate(flowTriggeredBy("{'filterBranchType':'XOR','filterBranches':[],'filters':[]}")))
                .containsExactly(problem("/enrollmentCriteria/listFilterBranch/filterBranchType",
                        "filter branch type \"XOR\" is not evaluated by Flowline"));
    }

    @Test
    void associationBranchesAreAcceptedAndRestrictedOnesAreNotEvaluated() {
        assertThat(validate(flowTriggeredBy("{'filterBranchType':'OR','filterBranchOperator':'OR','filters':[],"
                + "'filterBranches':[{'filterBranchType':'ASSOCIATION','filterBranchOperator':'AND','objectTypeId':'0-2',"
                + "'operator':'IN_LIST','filterBranches':[],'filters':[]},"
                + "{'filterBranchType':'ASSOCIATION','filterBranchOperator':'AND','filterBranches':[],'filters':[]},"
                + "{'filterBranchType':'RESTRICTED','filterBranches':[],'filters':[]}]}")))
                .containsExactly(
                        problem("/enrollmentCriteria/listFilterBranch/filterBranches/1/objectTypeId",
                                "objectTypeId is required"),
                        problem("/enrollmentCriteria/listFilterBranch/filterBranches/2/filterBranchType",
                                "filter branch type \"RESTRICTED\" is not evaluated by Flowline"));
    }

    @Test
    void associationBranchesHoldPropertyFiltersOfTheAssociatedRecordAndAnInListOperator() {
        assertThat(validate(flowTriggeredBy("{'filterBranchType':'OR','filterBranchOperator':'OR','filters':[],"
                + "'filterBranches':[{'filterBranchType':'ASSOCIATION','filterBranchOperator':'AND','objectTypeId':'0-3',"
                + "'operator':'HAS','filterBranches':[{'filterBranchType':'UNIFIED_EVENTS','eventTypeId':'4-1',"
                + "'filterBranches':[],'filters':[]},{'filterBranchType':'NOT_ANY','filterBranches':[],'filters':["
                + "{'filterType':'CONSTANT','shouldAccept':true}]}],"
                + "'filters':[{'filterType':'IN_LIST','listId':'1','operator':'IN_LIST'}]}]}")))
                .containsExactly(
                        problem("/enrollmentCriteria/listFilterBranch/filterBranches/0/operator",
                                "operator \"HAS\" must be one of IN_LIST, NOT_IN_LIST"),
                        problem("/enrollmentCriteria/listFilterBranch/filterBranches/0/filterBranches/0/filterBranchType",
                                "inside an ASSOCIATION branch, filter branch type \"UNIFIED_EVENTS\" is not evaluated by Flowline"),
                        problem("/enrollmentCriteria/listFilterBranch/filterBranches/0/filters/0/filterType",
                                "inside an ASSOCIATION branch, filter type \"IN_LIST\" is not evaluated by Flowline"));
    }

    @Test
    void filterBranchTypeIsRequired() {
        assertThat(validate(flowTriggeredBy("{'filterBranches':[],'filters':[]}"))).containsExactly(
                problem("/enrollmentCriteria/listFilterBranch/filterBranchType", "filterBranchType is required"));
    }

    @Test
    void eventBranchNeedsEventTypeIdAndACompletionOperator() {
        assertThat(validate(eventTriggered("{'filterBranchType':'UNIFIED_EVENTS','filterBranches':[],'filters':[]}")))
                .containsExactly(
                        problem("/enrollmentCriteria/eventFilterBranches/0/eventTypeId", "eventTypeId is required"),
                        problem("/enrollmentCriteria/eventFilterBranches/0/operator", "operator is required"));
        assertThat(validate(eventTriggered(eventBranch("HAS_EVENT", "")))).containsExactly(
                problem("/enrollmentCriteria/eventFilterBranches/0/operator",
                        "operator \"HAS_EVENT\" must be one of HAS_COMPLETED, HAS_NOT_COMPLETED"));
    }

    @Test
    void eventTriggerMustBeAnEventBranch() {
        assertThat(validate(eventTriggered(EMPTY_OR))).containsExactly(
                problem("/enrollmentCriteria/eventFilterBranches/0/filterBranchType",
                        "an event branch must have filterBranchType \"UNIFIED_EVENTS\", not \"OR\""));
    }

    @Test
    void filtersOnTheEventAreChecked() {
        assertThat(validate(eventTriggered(eventBranch("HAS_COMPLETED",
                propertyFilter("{'operationType':'STRING','operator':'IS_GREATER_THAN','value':'x'}")))))
                .containsExactly(problem("/enrollmentCriteria/eventFilterBranches/0/filters/0/operation/operator",
                        "operator \"IS_GREATER_THAN\" does not belong to operation type STRING"));
    }

    @Test
    void unknownFilterTypeIsNotEvaluated() {
        assertThat(validate(flowFiltering("{'filterType':'WEBINAR','operator':'HAS_WEBINAR_ATTENDANCE'}")))
                .containsExactly(problem(FILTER + "/filterType", "filter type \"WEBINAR\" is not evaluated by Flowline"));
    }

    @Test
    void propertyFilterNeedsPropertyAndOperation() {
        assertThat(validate(flowFiltering("{'filterType':'PROPERTY'}"))).containsExactly(
                problem(FILTER + "/property", "property is required"),
                problem(FILTER + "/operation", "operation is required"));
    }

    @Test
    void unknownOperationTypeIsNotEvaluated() {
        assertThat(validate(flowFiltering(propertyFilter("{'operationType':'GEO_DISTANCE','operator':'IS_NEAR'}"))))
                .containsExactly(problem(FILTER + "/operation/operationType",
                        "operation type \"GEO_DISTANCE\" is not evaluated by Flowline"));
    }

    @Test
    void operatorMustBelongToTheOperationType() {
        assertThat(validate(flowFiltering(propertyFilter(
                "{'operationType':'NUMBER','operator':'CONTAINS','value':5}")))).containsExactly(
                problem(FILTER + "/operation/operator", "operator \"CONTAINS\" does not belong to operation type NUMBER"));
    }

    @Test
    void operatorIsRequired() {
        assertThat(validate(flowFiltering(propertyFilter("{'operationType':'ALL_PROPERTY'}")))).containsExactly(
                problem(FILTER + "/operation/operator", "operator is required"));
    }

    @Test
    void operationNeedsTheValueFieldsOfItsType() {
        assertThat(validate(flowFiltering(String.join(",",
                propertyFilter("{'operationType':'NUMBER','operator':'IS_EQUAL_TO'}"),
                propertyFilter("{'operationType':'NUMBER_RANGED','operator':'IS_BETWEEN','lowerBound':1}"),
                propertyFilter("{'operationType':'ENUMERATION','operator':'IS_ANY_OF'}"),
                propertyFilter("{'operationType':'ROLLING_DATE_RANGE','operator':'IS_LESS_THAN_X_DAYS_AGO'}"),
                propertyFilter("{'operationType':'TIME_RANGED','operator':'IS_BETWEEN','lowerBoundTimePoint':"
                        + "{'timeType':'PROPERTY_REFERENCED','property':'createdate','referenceType':'VALUE'}}")))))
                .containsExactly(
                        problem(FILTER + "/operation/value", "value is required"),
                        problem(filterAt(1)
                                + "/operation/upperBound", "upperBound is required"),
                        problem(filterAt(2) + "/operation/values", "values is required"),
                        problem(filterAt(3) + "/operation/numberOfDays",
                                "numberOfDays is required"),
                        problem(filterAt(4) + "/operation/upperBoundTimePoint",
                                "upperBoundTimePoint is required"));
    }

    @Test
    void unknownTimePointTypeIsNotEvaluated() {
        assertThat(validate(flowFiltering(propertyFilter("{'operationType':'TIME_POINT','operator':'IS_BEFORE',"
                + "'timePoint':{'timeType':'FISCAL_MOON'}}")))).containsExactly(
                problem(FILTER + "/operation/timePoint/timeType", "time point type \"FISCAL_MOON\" is not evaluated by Flowline"));
    }

    @Test
    void timePointOperationMayUseTypeAsItsDiscriminator() {
        assertThat(validate(flowFiltering(propertyFilter("{'type':'TIME_POINT','operator':'IS_ON',"
                + "'timePoint':{'timeType':'PROPERTY_REFERENCED','property':'createdate','referenceType':'VALUE'}}"))))
                .containsExactly(problem(FILTER + "/operation/operator",
                        "operator \"IS_ON\" does not belong to operation type TIME_POINT"));
    }

    @Test
    void setOccurrencesAndUnknownRefineBysAreNotEvaluated() {
        assertThat(validate(flowFiltering(String.join(",",
                "{'filterType':'FORM_SUBMISSION','operator':'FILLED_OUT','coalescingRefineBy':{'type':'SET_OCCURRENCES','setType':'ANY'}}",
                "{'filterType':'EMAIL_EVENT','operator':'OPENED','pruningRefineBy':{'type':'LAST_TUESDAY'}}"))))
                .containsExactly(
                        problem(FILTER + "/coalescingRefineBy/type", "refine-by type \"SET_OCCURRENCES\" is not evaluated by Flowline"),
                        problem(filterAt(1) + "/pruningRefineBy/type",
                                "refine-by type \"LAST_TUESDAY\" is not evaluated by Flowline"));
    }

    @Test
    void inListOperatorMustBeInListOrNotInList() {
        assertThat(validate(flowFiltering("{'filterType':'IN_LIST','listId':'3','operator':'IS_IN'}"))).containsExactly(
                problem(FILTER + "/operator", "operator \"IS_IN\" must be one of IN_LIST, NOT_IN_LIST"));
    }

    @Test
    void activityFilterOperatorsMustBeInTheirEnums() {
        assertThat(validate(flowFiltering(String.join(",",
                "{'filterType':'EMAIL_EVENT','operator':'CLICKED'}",
                "{'filterType':'PAGE_VIEW','pageUrl':'https://x.test','operator':'VISITED'}",
                "{'filterType':'FORM_SUBMISSION','operator':'SUBMITTED'}",
                "{'filterType':'EVENT','operator':'HAPPENED'}"))))
                .extracting(Problem::message)
                .containsExactly(
                        "operator \"CLICKED\" must be one of BOUNCED, LINK_CLICKED, MARKED_SPAM, OPENED,"
                                + " OPENED_BUT_LINK_NOT_CLICKED, OPENED_BUT_NOT_REPLIED, RECEIVED, RECEIVED_BUT_NOT_OPENED,"
                                + " REPLIED, SENT, SENT_BUT_LINK_NOT_CLICKED, SENT_BUT_NOT_RECEIVED, UNSUBSCRIBED",
                        "operator \"VISITED\" must be one of HAS_PAGEVIEW_EQ, HAS_PAGEVIEW_CONTAINS,"
                                + " HAS_PAGEVIEW_MATCHES_REGEX, NOT_HAS_PAGEVIEW_EQ, NOT_HAS_PAGEVIEW_CONTAINS",
                        "operator \"SUBMITTED\" must be one of FILLED_OUT, NOT_FILLED_OUT",
                        "operator \"HAPPENED\" must be one of HAS_EVENT, NOT_HAS_EVENT");
    }

    @Test
    void eventFilterLinesAreCheckedAsPropertyFilters() {
        assertThat(validate(flowFiltering("{'filterType':'EVENT','operator':'HAS_EVENT','filterLines':["
                + propertyFilter("{'operationType':'BOOL','operator':'IS_EQUAL_TO'}") + "]}"))).containsExactly(
                problem(FILTER + "/filterLines/0/operation/value", "value is required"));
    }

    @Test
    void everyPlaceHoldingAFilterBranchIsChecked() {
        String bad = "{'filterBranchType':'XOR','filterBranches':[],'filters':[]}";
        ObjectNode flow = flowOf("{'type':'LIST_BRANCH','actionId':'1','listBranches':[{'branchName':'A','filterBranch':"
                + bad + "}]}");
        flow.set("goalFilterBranch", json(bad));
        flow.set("enrollmentCriteria", json("{'type':'LIST_BASED','shouldReEnroll':true,'listFilterBranch':" + bad
                + ",'reEnrollmentTriggersFilterBranches':[" + bad + "]}"));
        ObjectNode eventBased = json("{'type':'EVENT_BASED','shouldReEnroll':false,'eventFilterBranches':[],"
                + "'listMembershipFilterBranches':[" + bad + "],'refinementCriteria':" + bad + "}");

        assertThat(validate(flow)).extracting(Problem::path).containsExactly(
                "/enrollmentCriteria/listFilterBranch/filterBranchType",
                "/enrollmentCriteria/reEnrollmentTriggersFilterBranches/0/filterBranchType",
                "/goalFilterBranch/filterBranchType",
                "/actions/0/listBranches/0/filterBranch/filterBranchType");
        flow.set("enrollmentCriteria", eventBased);
        assertThat(validate(flow)).extracting(Problem::path).startsWith(
                "/enrollmentCriteria/listMembershipFilterBranches/0/filterBranchType",
                "/enrollmentCriteria/refinementCriteria/filterBranchType");
    }
}
