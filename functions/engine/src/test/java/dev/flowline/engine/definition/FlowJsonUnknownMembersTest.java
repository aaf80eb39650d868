package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.flowline.engine.criteria.AllHistoryRefineBy;
import dev.flowline.engine.criteria.DateTimePoint;
import dev.flowline.engine.criteria.Filter;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.criteria.FormSubmissionFilter;
import dev.flowline.engine.criteria.InListFilter;
import dev.flowline.engine.criteria.IndexedTimePoint;
import dev.flowline.engine.criteria.NumOccurrencesRefineBy;
import dev.flowline.engine.criteria.PageViewFilter;
import dev.flowline.engine.criteria.PropertyFilter;
import dev.flowline.engine.criteria.StringOperation;
import dev.flowline.engine.criteria.TimePointOperation;
import dev.flowline.engine.criteria.TimeRangedOperation;
import dev.flowline.engine.criteria.UnknownCoalescingRefineBy;
import dev.flowline.engine.criteria.UnknownFilter;
import dev.flowline.engine.criteria.UnknownOperation;
import dev.flowline.engine.criteria.UnknownPruningRefineBy;
import dev.flowline.engine.criteria.UnknownTimePoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members Flowline does not know are kept, not dropped: unknown fields go to each record's extras, unknown
 * union members become Unknown* records holding the whole object.
 */
class FlowJsonUnknownMembersTest {

    private final Flow flow = FlowJsonFixtures.parse("unknown-members.json");

    @Test
    void unknownTopLevelFieldsAreKeptIncludingExplicitNulls() {
        assertThat(flow.extras()).containsKeys("portalId", "experimentalSettings");
        assertThat(flow.extras().get("portalId").longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(flow.extras().get("legacyWorkflowId")).isEqualTo(NullNode.getInstance());
    }

    @Test
    void unknownActionTypeIdsAreOpaquePluginsWithTheirFieldsKept() {
        var slack = (SingleConnectionAction) flow.action("1").orElseThrow();
        var unknownBuiltIn = (SingleConnectionAction) flow.action("2").orElseThrow();

        assertThat(slack.actionTypeId()).isEqualTo("1-179507819");
        assertThat(slack.fields().at("/nested/depth/deeper/1").decimalValue()).hasToString("2.50");
        assertThat(slack.extras()).containsKey("actionName");
        assertThat(slack.connection().extras()).containsKey("label");
        assertThat(unknownBuiltIn.actionTypeId()).isEqualTo("0-999999999");
        assertThat(unknownBuiltIn.fields().isEmpty()).isTrue();
    }

    @Test
    void unknownValueTypeAndExtraKeysInFieldsAreKept() {
        var setProperty = (SingleConnectionAction) flow.action("3").orElseThrow();

        assertThat(setProperty.fields().at("/value/type").asText()).isEqualTo("FUTURE_VALUE_TYPE");
        assertThat(setProperty.fields().at("/mode").asText()).isEqualTo("overwrite");
    }

    @Test
    void unknownActionTypeBecomesUnknownActionStillExposingItsEdge() {
        Action action = flow.action("4").orElseThrow();

        assertThat(action).isInstanceOf(UnknownAction.class);
        assertThat(action.type()).isEqualTo("DELAY_UNTIL_SUNRISE");
        assertThat(action.edges()).extracting(e -> e.connection().nextActionId()).containsExactly("5");
        assertThat(((UnknownAction) action).raw().get("latitude").decimalValue()).hasToString("52.370");
    }

    @Test
    void unknownFieldsOfBranchesAndConnectionsAreKept() {
        var ifThen = (ListBranchAction) flow.action("5").orElseThrow();
        ListBranch branch = ifThen.listBranches().get(0);

        assertThat(ifThen.extras()).containsKey("evaluationMode");
        assertThat(branch.extras()).containsKey("color");
        assertThat(branch.connection().extras()).containsKey("weight");
        assertThat(ifThen.defaultBranch().extras()).containsKey("note");
        assertThat(branch.filterBranch().extras()).containsKey("collapsed");
        assertThat(branch.filterBranch().filterBranches().get(0).extras()).containsKey("note");
    }

    @Test
    void unknownFieldsOfFiltersAndOperationsAreKept() {
        var filter = (PropertyFilter) filters().get(0);

        assertThat(filter.extras()).containsKey("caseSensitive");
        assertThat(filter.operation()).isInstanceOfSatisfying(StringOperation.class,
                op -> assertThat(op.extras()).containsKey("locale"));
        assertThat(((InListFilter) filters().get(7)).metadata().extras()).containsKey("source");
    }

    @Test
    void unknownOperationTypeBecomesUnknownOperation() {
        var filter = (PropertyFilter) filters().get(1);

        assertThat(filter.operation()).isInstanceOfSatisfying(UnknownOperation.class, op -> {
            assertThat(op.kind()).isEqualTo("FUZZY_NUMBER");
            assertThat(op.operator()).isEqualTo("IS_ABOUT");
            assertThat(op.raw().get("tolerance").decimalValue()).hasToString("0.50");
        });
    }

    @Test
    void unknownFieldsOfTimePointsAndUnknownTimeTypesAreKept() {
        var point = (TimePointOperation) ((PropertyFilter) filters().get(2)).operation();
        var range = (TimeRangedOperation) ((PropertyFilter) filters().get(3)).operation();

        assertThat(point.timePoint()).isInstanceOfSatisfying(IndexedTimePoint.class, p -> {
            assertThat(p.extras()).containsKey("precision");
            assertThat(p.indexReference().extras()).containsKey("anchor");
            assertThat(p.offset().extras()).containsKey("businessDays");
        });
        assertThat(range.lowerBoundTimePoint()).isInstanceOfSatisfying(UnknownTimePoint.class,
                p -> assertThat(p.kind()).isEqualTo("FISCAL_ANCHORED"));
        assertThat(range.upperBoundTimePoint()).isInstanceOfSatisfying(DateTimePoint.class,
                p -> assertThat(p.extras()).containsKey("calendar"));
    }

    @Test
    void unknownRefineByTypesBecomeUnknownRefineBys() {
        var form = (FormSubmissionFilter) filters().get(4);
        var page = (PageViewFilter) filters().get(5);

        assertThat(form.pruningRefineBy()).isInstanceOfSatisfying(UnknownPruningRefineBy.class,
                r -> assertThat(r.kind()).isEqualTo("LAST_N_SESSIONS"));
        assertThat(form.coalescingRefineBy()).isInstanceOfSatisfying(UnknownCoalescingRefineBy.class,
                r -> assertThat(r.kind()).isEqualTo("AT_LEAST_PERCENT"));
        assertThat(page.pruningRefineBy()).isInstanceOfSatisfying(AllHistoryRefineBy.class,
                r -> assertThat(r.extras()).containsKey("includeArchived"));
        assertThat(page.coalescingRefineBy()).isInstanceOfSatisfying(NumOccurrencesRefineBy.class,
                r -> assertThat(r.extras()).containsKey("distinctSessions"));
    }

    @Test
    void unknownFilterTypeBecomesUnknownFilter() {
        assertThat(filters().get(6)).isInstanceOfSatisfying(UnknownFilter.class, f -> {
            assertThat(f.kind()).isEqualTo("CHATBOT_CONVERSATION");
            assertThat(f.raw().get("botId").asText()).isEqualTo("b-1");
        });
    }

    @Test
    void unknownFieldsOfWebhooksAndFlowSettingsAreKept() {
        var webhook = (WebhookAction) flow.action("6").orElseThrow();

        assertThat(webhook.extras()).containsKey("timeoutSeconds");
        assertThat(webhook.queryParams().get(0).extras()).containsKey("encode");
        assertThat(webhook.authSettings().path("type").asText()).isEqualTo("OAUTH_CLIENT");
        assertThat(((ManualCriteria) flow.enrollmentCriteria()).extras()).containsKey("allowApiEnrollment");
        assertThat(flow.enrollmentSchedule().extras()).containsKey("timeZone");
        assertThat(flow.enrollmentSchedule().timeOfDay().extras()).containsKey("second");
        assertThat(flow.eventAnchor().extras()).containsKey("yearly");
        assertThat(flow.unEnrollmentSetting().extras()).containsKey("reason");
        assertThat(flow.timeWindows().get(0).extras()).containsKey("timeZone");
        assertThat(flow.blockedDates().get(0).extras()).containsKey("label");
        assertThat(flow.goalFilterBranch().extras()).containsKey("goalName");
    }

    @Test
    void unknownEnrolmentTypeBecomesUnknownCriteria() {
        EnrollmentCriteria criteria = FlowJsonFixtures.parse("unknown-enrollment-type.json").enrollmentCriteria();

        assertThat(criteria).isInstanceOfSatisfying(UnknownCriteria.class, c -> {
            assertThat(c.type()).isEqualTo("SCHEDULED_IMPORT");
            assertThat(c.raw().get("importId").longValue()).isEqualTo(9007199254740993L);
        });
        assertThat(criteria.reEnrolls()).isTrue();
    }

    private List<Filter> filters() {
        var ifThen = (ListBranchAction) flow.action("5").orElseThrow();
        FilterBranch and = ifThen.listBranches().get(0).filterBranch().filterBranches().get(0);
        return and.filters();
    }
}
