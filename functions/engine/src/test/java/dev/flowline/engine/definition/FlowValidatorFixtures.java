package dev.flowline.engine.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.json.FlowlineJson;

import java.util.List;

/** Flow definitions for the validator tests, written as JSON with single quotes for brevity. */
final class FlowValidatorFixtures {

    /** HubSpot's example flow from the Automation v4 docs (reference section 2.1). */
    static final String HUBSPOT_EXAMPLE = """
            { 'id':'585051946','isEnabled':true,'flowType':'WORKFLOW','revisionId':'7','name':'New form submission workflow',
              'startActionId':'1','nextAvailableActionId':'3',
              'actions':[
               {'type':'SINGLE_CONNECTION','actionId':'1','actionTypeVersion':0,'actionTypeId':'0-13',
                'connection':{'edgeType':'STANDARD','nextActionId':'2'},'fields':{'operation':'ADD','list_id':'178'}},
               {'type':'SINGLE_CONNECTION','actionId':'2','actionTypeVersion':0,'actionTypeId':'0-9',
                'fields':{'user_ids':['2620022'],'delivery_method':'APP','subject':'New form submission','body':'Check out ...'}}],
              'enrollmentCriteria':{'shouldReEnroll':false,'type':'EVENT_BASED',
                'eventFilterBranches':[{'filterBranches':[],'filters':[],'eventTypeId':'4-1639801','operator':'HAS_COMPLETED',
                                        'filterBranchType':'UNIFIED_EVENTS','filterBranchOperator':'AND'}],
                'listMembershipFilterBranches':[]},
              'timeWindows':[],'blockedDates':[],'customProperties':{},'suppressionListIds':[],'canEnrollFromSalesforce':false,
              'type':'CONTACT_FLOW','objectTypeId':'0-1' }
            """;

    private FlowValidatorFixtures() {
    }

    static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) FlowlineJson.mapper().readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ObjectNode hubspotExample() {
        return json(HUBSPOT_EXAMPLE);
    }

    /** A valid contact flow without actions, to which a test adds what it checks. */
    static ObjectNode emptyFlow() {
        return json("{'type':'CONTACT_FLOW','objectTypeId':'0-1','flowType':'WORKFLOW','isEnabled':true,'actions':[]}");
    }

    /** A contact flow starting at action "1" with the given actions. */
    static ObjectNode flowOf(String... actions) {
        ObjectNode flow = emptyFlow().put("startActionId", "1");
        ArrayNode array = flow.putArray("actions");
        for (String action : actions) {
            array.add(json(action));
        }
        return flow;
    }

    /** A property-setting action, the simplest valid action, connected to {@code next} when it is not null. */
    static String setProperty(String id, String next) {
        return "{'type':'SINGLE_CONNECTION','actionId':'" + id + "','actionTypeId':'0-5','actionTypeVersion':0,"
                + "'fields':{'property_name':'lifecyclestage','value':{'type':'STATIC_VALUE','staticValue':'lead'}}"
                + (next == null ? "" : ",'connection':{'edgeType':'STANDARD','nextActionId':'" + next + "'}") + "}";
    }

    /** A contact flow whose list-based trigger is {@code filterBranch}. */
    static ObjectNode flowTriggeredBy(String filterBranch) {
        ObjectNode flow = emptyFlow();
        flow.set("enrollmentCriteria", json("{'type':'LIST_BASED','shouldReEnroll':false,"
                + "'unEnrollObjectsNotMeetingCriteria':false,'reEnrollmentTriggersFilterBranches':[]}")
                .set("listFilterBranch", json(filterBranch)));
        return flow;
    }

    /** A trigger of one OR branch holding one AND branch holding {@code filter}. */
    static ObjectNode flowFiltering(String filter) {
        return flowTriggeredBy("{'filterBranchType':'OR','filterBranchOperator':'OR','filters':[],"
                + "'filterBranches':[{'filterBranchType':'AND','filterBranchOperator':'AND','filterBranches':[],"
                + "'filters':[" + filter + "]}]}");
    }

    /** The pointer of the {@code index}th filter of {@link #flowFiltering}. */
    static String filterAt(int index) {
        return "/enrollmentCriteria/listFilterBranch/filterBranches/0/filters/" + index;
    }

    static final String FILTER = filterAt(0);

    static List<Problem> validate(JsonNode flow) {
        return FlowValidator.validate(FlowlineJson.read(flow, Flow.class));
    }

    static Problem problem(String path, String message) {
        return new Problem(path, message);
    }
}
