package dev.flowline.engine.definition;

import dev.flowline.engine.criteria.AbsoluteComparativeRefineBy;
import dev.flowline.engine.criteria.AbsoluteRangedRefineBy;
import dev.flowline.engine.criteria.AllPropertyOperation;
import dev.flowline.engine.criteria.BoolOperation;
import dev.flowline.engine.criteria.CalendarDateOperation;
import dev.flowline.engine.criteria.ComparativeOperation;
import dev.flowline.engine.criteria.ConstantFilter;
import dev.flowline.engine.criteria.DateOperation;
import dev.flowline.engine.criteria.DateTimeOperation;
import dev.flowline.engine.criteria.DateTimePoint;
import dev.flowline.engine.criteria.EmailEventFilter;
import dev.flowline.engine.criteria.EnumerationOperation;
import dev.flowline.engine.criteria.EventFilter;
import dev.flowline.engine.criteria.Filter;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.criteria.FormSubmissionFilter;
import dev.flowline.engine.criteria.InListFilter;
import dev.flowline.engine.criteria.IndexedTimePoint;
import dev.flowline.engine.criteria.MultiStringOperation;
import dev.flowline.engine.criteria.NumOccurrencesRefineBy;
import dev.flowline.engine.criteria.NumberOperation;
import dev.flowline.engine.criteria.NumberRangedOperation;
import dev.flowline.engine.criteria.PageViewFilter;
import dev.flowline.engine.criteria.PropertyFilter;
import dev.flowline.engine.criteria.PropertyOperation;
import dev.flowline.engine.criteria.PropertyReferencedTimePoint;
import dev.flowline.engine.criteria.RangedDateOperation;
import dev.flowline.engine.criteria.RelativeComparativeRefineBy;
import dev.flowline.engine.criteria.RelativeRangedRefineBy;
import dev.flowline.engine.criteria.RollingDateRangeOperation;
import dev.flowline.engine.criteria.RollingPropertyUpdatedOperation;
import dev.flowline.engine.criteria.SetOccurrencesRefineBy;
import dev.flowline.engine.criteria.StringOperation;
import dev.flowline.engine.criteria.TimePointOperation;
import dev.flowline.engine.criteria.TimeRangedOperation;
import dev.flowline.engine.criteria.UnknownFilter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** HubSpot's JSON lands in the typed components of the model, not only in raw trees. */
class FlowJsonTypedComponentsTest {

    private final Flow actions = FlowJsonFixtures.parse("every-action-type.json");
    private final Flow filters = FlowJsonFixtures.parse("list-based-filters.json");

    @Test
    void eachActionTypeBecomesItsRecord() {
        assertThat(actions.action("1")).containsInstanceOf(SingleConnectionAction.class);
        assertThat(actions.action("5")).containsInstanceOf(StaticBranchAction.class);
        assertThat(actions.action("30")).containsInstanceOf(AbTestBranchAction.class);
        assertThat(actions.action("34")).containsInstanceOf(CustomCodeAction.class);
        assertThat(actions.action("35")).containsInstanceOf(WebhookAction.class);
        assertThat(actions.action("38")).containsInstanceOf(ListBranchAction.class);
        assertThat(actions.actions()).hasSize(39).noneMatch(UnknownAction.class::isInstance);
    }

    @Test
    void singleConnectionActionsKeepTheirTypeIdVersionAndFields() {
        var addToList = (SingleConnectionAction) actions.action("28").orElseThrow();
        var increment = (SingleConnectionAction) actions.action("13").orElseThrow();
        var delayUntilEvent = (SingleConnectionAction) actions.action("4").orElseThrow();

        assertThat(addToList.actionTypeId()).isEqualTo("0-63809083");
        assertThat(addToList.actionTypeVersion()).isEqualTo(3);
        assertThat(increment.fields().at("/value/incrementAmount").decimalValue()).isEqualTo(new BigDecimal("1.50"));
        assertThat(delayUntilEvent.fields().at("/expiration_minutes").asText()).isEqualTo("4320");
        assertThat(delayUntilEvent.fields().at("/event_filter_branches/0/eventTypeId").asText()).isEqualTo("4-666288");
    }

    @Test
    void branchesExposeTheirEdgesInOrderWithGotoMarked() {
        var split = (AbTestBranchAction) actions.action("30").orElseThrow();
        var ifThen = (ListBranchAction) actions.action("38").orElseThrow();
        var valueEquals = (StaticBranchAction) actions.action("8").orElseThrow();

        assertThat(split.testBranches()).extracting(TestBranch::percentage).containsExactly(34, 33, 33);
        assertThat(ifThen.edges()).extracting(Edge::path).containsExactly("/listBranches/0/connection", "/defaultBranch");
        assertThat(ifThen.edges().get(0).connection().isGoto()).isTrue();
        assertThat(actions.action("25").orElseThrow().edges().get(0).connection().isGoto()).isTrue();
        assertThat(valueEquals.inputValue().path("propertyName").asText()).isEqualTo("hs_lead_status");
        assertThat(valueEquals.staticBranches()).extracting(StaticBranch::branchValue).containsExactly("NEW", "OPEN");
        assertThat(valueEquals.defaultBranchName()).isEqualTo("Other status");
    }

    @Test
    void webhookKeepsQueryParamsAndBothKindsOfAuthSettings() {
        var withKey = (WebhookAction) actions.action("35").orElseThrow();
        var signed = (WebhookAction) actions.action("36").orElseThrow();

        assertThat(withKey.queryParams()).extracting(QueryParam::name).containsExactly("source", "email");
        assertThat(withKey.authSettings().path("location").asText()).isEqualTo("HEADER");
        assertThat(signed.authSettings().path("type").asText()).isEqualTo("SIGNATURE");
        assertThat(signed.authSettings().path("appId").asInt()).isEqualTo(1234567);
    }

    @Test
    void flowSettingsLandInTheirRecords() {
        assertThat(actions.enrollmentCriteria()).isInstanceOf(ManualCriteria.class);
        assertThat(actions.enrollmentCriteria().reEnrolls()).isTrue();
        assertThat(actions.enrollmentSchedule().daysOfWeek()).containsExactly("MONDAY", "THURSDAY");
        assertThat(actions.enrollmentSchedule().timeOfDay().minute()).isEqualTo(45);
        assertThat(actions.unEnrollmentSetting().flowIds()).containsExactly("585051946", "585051947");
        assertThat(actions.timeWindows().get(1).startTime()).isNull();
        assertThat(actions.blockedDates()).extracting(BlockedDate::year).containsExactly(null, 2027);
        assertThat(actions.suppressionListIds()).containsExactly(501L, 502L);
    }

    @Test
    void propertyOperationsBecomeTheirRecords() {
        assertThat(operationClasses(listBranchFilters(0, 0))).containsExactly(AllPropertyOperation.class,
                BoolOperation.class, NumberOperation.class, NumberRangedOperation.class, StringOperation.class,
                MultiStringOperation.class, EnumerationOperation.class);
        assertThat(operationClasses(listBranchFilters(0, 1))).containsExactly(DateTimeOperation.class,
                RangedDateOperation.class, DateOperation.class, RollingDateRangeOperation.class,
                RollingPropertyUpdatedOperation.class, ComparativeOperation.class, ComparativeOperation.class,
                ComparativeOperation.class, CalendarDateOperation.class);
        assertThat(operationClasses(listBranchFilters(0, 2))).containsExactly(TimePointOperation.class,
                TimePointOperation.class, TimePointOperation.class, TimeRangedOperation.class);
    }

    @Test
    void numbersKeepTheirDigitsAndInt64Range() {
        var number = (NumberOperation) operation(listBranchFilters(0, 0).get(2));
        var ranged = (NumberRangedOperation) operation(listBranchFilters(0, 0).get(3));
        var datetime = (DateTimeOperation) operation(listBranchFilters(0, 1).get(0));
        var dataset = (DatasetCriteria) FlowJsonFixtures.parse("static-date-anchor-dataset.json").enrollmentCriteria();

        assertThat(number.value()).isEqualTo(new BigDecimal("1.50"));
        assertThat(ranged.upperBound()).isEqualTo(new BigDecimal("9007199254740993"));
        assertThat(datetime.timestamp()).isEqualTo(1767225600000L);
        assertThat(dataset.datasetId()).isEqualTo(9007199254740993L);
        assertThat(dataset.subviewId()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void timePointsOfAllThreeTypesBecomeTheirRecords() {
        List<Filter> timeFilters = listBranchFilters(0, 2);
        var indexed = (TimePointOperation) operation(timeFilters.get(0));
        var date = (TimePointOperation) operation(timeFilters.get(1));
        var referenced = (TimePointOperation) operation(timeFilters.get(2));
        var ranged = (TimeRangedOperation) operation(timeFilters.get(3));

        assertThat(indexed.timePoint()).isInstanceOfSatisfying(IndexedTimePoint.class, p -> {
            assertThat(p.indexReference().referenceType()).isEqualTo("TODAY");
            assertThat(p.offset().days()).isEqualTo(-14);
        });
        assertThat(date.timePoint()).isInstanceOfSatisfying(DateTimePoint.class,
                p -> assertThat(p.millisecond()).isEqualTo(999));
        assertThat(referenced.timePoint()).isInstanceOfSatisfying(PropertyReferencedTimePoint.class,
                p -> assertThat(p.referenceType()).isEqualTo("ANNIVERSARY_WITH_ZONE_SAME_LOCAL_CONVERSION"));
        assertThat(ranged.lowerBoundTimePoint()).isInstanceOf(IndexedTimePoint.class);
        assertThat(ranged.upperBoundTimePoint()).isInstanceOf(IndexedTimePoint.class);
        assertThat(indexed.endpointBehavior()).isEqualTo("EXCLUSIVE");
    }

    @Test
    void evaluatedFilterTypesBecomeTheirRecordsWithTheirRefineBys() {
        List<Filter> found = listBranchFilters(1, 0);

        assertThat(found).extracting(Object::getClass).containsExactly(InListFilter.class, InListFilter.class,
                FormSubmissionFilter.class, FormSubmissionFilter.class, EmailEventFilter.class, PageViewFilter.class,
                EventFilter.class, ConstantFilter.class);
        assertThat(((InListFilter) found.get(1)).metadata().inListType()).isEqualTo("WORKFLOWS_GOAL");
        var form = (FormSubmissionFilter) found.get(2);
        assertThat(form.pruningRefineBy()).isInstanceOf(RelativeComparativeRefineBy.class);
        assertThat(form.coalescingRefineBy()).isInstanceOfSatisfying(NumOccurrencesRefineBy.class,
                r -> assertThat(r.maxOccurrences()).isEqualTo(5));
        assertThat(((EmailEventFilter) found.get(4)).pruningRefineBy()).isInstanceOf(RelativeRangedRefineBy.class);
        assertThat(((EmailEventFilter) found.get(4)).appId()).isEqualTo("113");
        assertThat(((PageViewFilter) found.get(5)).pruningRefineBy()).isInstanceOf(AbsoluteComparativeRefineBy.class);
        var event = (EventFilter) found.get(6);
        assertThat(event.pruningRefineBy()).isInstanceOf(AbsoluteRangedRefineBy.class);
        assertThat(event.coalescingRefineBy()).isInstanceOf(SetOccurrencesRefineBy.class);
    }

    @Test
    void filterTypesFlowlineDoesNotEvaluateAreKeptAsUnknownFilters() {
        List<Filter> kept = listBranchFilters(2, 3);

        assertThat(kept).allMatch(UnknownFilter.class::isInstance);
        assertThat(kept).extracting(f -> ((UnknownFilter) f).kind()).containsExactly("ASSOCIATION", "CTA", "WEBINAR",
                "PRIVACY", "EMAIL_SUBSCRIPTION", "COMMUNICATION_SUBSCRIPTION", "SURVEY_MONKEY", "SURVEY_MONKEY_VALUE",
                "ADS_SEARCH", "ADS_TIME", "INTEGRATION_EVENT", "UNIFIED_EVENTS", "NUM_ASSOCIATIONS",
                "PROPERTY_ASSOCIATION", "CAMPAIGN_INFLUENCED");
    }

    @Test
    void branchTypesKeepTheirOwnFields() {
        FilterBranch orBranch = listBranch(1);
        FilterBranch events = orBranch.filterBranches().get(3);
        FilterBranch association = listBranch(2).filterBranches().get(0);
        FilterBranch propertyAssociation = listBranch(2).filterBranches().get(2);

        assertThat(orBranch.filterBranches()).extracting(FilterBranch::filterBranchType)
                .containsExactly("AND", "NOT_ALL", "NOT_ANY", "UNIFIED_EVENTS");
        assertThat(events.eventTypeId()).isEqualTo("4-96000");
        assertThat(events.operator()).isEqualTo("HAS_NOT_COMPLETED");
        assertThat(events.coalescingRefineBy()).isInstanceOf(NumOccurrencesRefineBy.class);
        assertThat(events.pruningRefineBy()).isInstanceOf(RelativeComparativeRefineBy.class);
        assertThat(association.associationTypeId()).isEqualTo(279L);
        assertThat(association.objectTypeId()).isEqualTo("0-2");
        assertThat(propertyAssociation.extras().get("propertyWithObjectId").asText()).isEqualTo("associatedcompanyid");
    }

    @Test
    void listBasedCriteriaKeepTheReEnrollmentPropertyChangePattern() {
        var criteria = (ListBasedCriteria) filters.enrollmentCriteria();
        FilterBranch trigger = criteria.reEnrollmentTriggersFilterBranches().get(0);

        assertThat(criteria.unEnrollObjectsNotMeetingCriteria()).isTrue();
        assertThat(trigger.eventTypeId()).isEqualTo("4-655002");
        assertThat(trigger.filters()).extracting(f -> ((PropertyFilter) f).property()).containsExactly("hs_name", "hs_value");
        assertThat(((StringOperation) operation(trigger.filters().get(0))).value()).isEqualTo("lifecyclestage");
        assertThat(filters.goalFilterBranch().filterBranches()).hasSize(1);
        assertThat(filters.enrollmentSchedule().daysOfMonth()).containsExactly(1, 15, 31);
    }

    @Test
    void eventBasedCriteriaKeepEventsListMembershipAndRefinement() {
        Flow flow = FlowJsonFixtures.parse("event-based.json");
        var criteria = (EventBasedCriteria) flow.enrollmentCriteria();

        assertThat(criteria.eventFilterBranches()).extracting(FilterBranch::eventTypeId)
                .containsExactly("4-1639801", "4-666288", "4-655002");
        assertThat(criteria.listMembershipFilterBranches().get(0).filters()).allMatch(InListFilter.class::isInstance);
        assertThat(criteria.refinementCriteria().filterBranches().get(0).filters()).hasSize(2);
        assertThat(flow.enrollmentSchedule().daysDelta()).isEqualTo(-7);
        assertThat(flow.enrollmentSchedule().yearly()).isTrue();
    }

    @Test
    void eventAnchorsOfBothKindsLandInTheirRecord() {
        EventAnchor property = FlowJsonFixtures.parse("contact-date-anchor.json").eventAnchor();
        EventAnchor fixed = FlowJsonFixtures.parse("static-date-anchor-dataset.json").eventAnchor();

        assertThat(property.contactProperty()).isEqualTo("renewal_date");
        assertThat(fixed.type()).isEqualTo("STATIC_DATE_ANCHOR");
        assertThat(fixed.year()).isEqualTo(2026);
    }

    @Test
    void platformFlowFieldsWithoutAComponentAreKeptAsExtras() {
        Flow flow = FlowJsonFixtures.parse("platform-flow.json");

        assertThat(flow.extras()).containsKey("suppressionFilterBranch");
        assertThat(flow.dataSources()).extracting(s -> s.path("type").asText()).containsExactly("ASSOCIATION",
                "ASSOCIATION_TIMESTAMP", "STATIC_PROPERTY_FILTER", "ENROLLED_RECORD_PROPERTY_FILTER",
                "DATASET_FIELD_PROPERTY_FILTER", "ENROLLED_ARGUMENT_PROPERTY_FILTER");
        assertThat(flow.enrollmentSchedule().monthlyRelativeDays()).isEqualTo("LAST_DAY_OF_MONTH");
    }

    private FilterBranch listBranch(int index) {
        var ifThen = (ListBranchAction) filters.action("1").orElseThrow();
        return ifThen.listBranches().get(index).filterBranch();
    }

    private List<Filter> listBranchFilters(int branch, int andBranch) {
        return listBranch(branch).filterBranches().get(andBranch).filters();
    }

    private static PropertyOperation operation(Filter filter) {
        return ((PropertyFilter) filter).operation();
    }

    private static List<Class<?>> operationClasses(List<Filter> filters) {
        return filters.stream().<Class<?>>map(f -> operation(f).getClass()).toList();
    }
}
