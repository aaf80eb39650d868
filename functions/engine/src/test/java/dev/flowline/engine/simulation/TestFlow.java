package dev.flowline.engine.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowline.engine.definition.Flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds small HubSpot v4 contact flows as JSON, from readable pieces: triggers, filter branches and actions
 * are JSON text, so what a test runs is what HubSpot's API would hold.
 */
public final class TestFlow {

    /** The user internal emails of {@link #internalEmail} go to; scenarios have it in their owner directory. */
    public static final String INTERNAL_EMAIL_USER = "101";

    private final String id;
    private boolean enabled = true;
    private String criteria = """
            {"type":"MANUAL","shouldReEnroll":false}""";
    private final List<String> actions = new ArrayList<>();
    private String goal;
    private String suppressionListIds = "[]";
    private String unEnrollmentSetting;

    private TestFlow(String id) {
        this.id = id;
    }

    public static TestFlow flow(String id) {
        return new TestFlow(id);
    }

    // --- enrolment criteria ---

    /** Filter-based triggers. */
    public TestFlow listBased(String listFilterBranch, boolean shouldReEnroll, boolean unEnrollNotMatching,
                              String... reEnrollmentTriggers) {
        criteria = """
                {"type":"LIST_BASED","listFilterBranch":%s,"reEnrollmentTriggersFilterBranches":[%s],
                 "shouldReEnroll":%s,"unEnrollObjectsNotMeetingCriteria":%s}"""
                .formatted(listFilterBranch, String.join(",", reEnrollmentTriggers), shouldReEnroll, unEnrollNotMatching);
        return this;
    }

    public TestFlow listBased(String listFilterBranch) {
        return listBased(listFilterBranch, false, false);
    }

    /** Event triggers, optionally refined by the contact's state (refinement may be null). */
    public TestFlow eventBased(boolean shouldReEnroll, String refinementCriteria, String... eventFilterBranches) {
        criteria = """
                {"type":"EVENT_BASED","shouldReEnroll":%s,"eventFilterBranches":[%s],"listMembershipFilterBranches":[]%s}"""
                .formatted(shouldReEnroll, String.join(",", eventFilterBranches),
                        refinementCriteria == null ? "" : ",\"refinementCriteria\":" + refinementCriteria);
        return this;
    }

    /** Enrols on joining a list (list membership events). */
    public TestFlow onJoiningList(String listId, boolean shouldReEnroll) {
        criteria = """
                {"type":"EVENT_BASED","shouldReEnroll":%s,"eventFilterBranches":[],
                 "listMembershipFilterBranches":[%s]}""".formatted(shouldReEnroll, inList(listId));
        return this;
    }

    public TestFlow manual(boolean shouldReEnroll) {
        criteria = """
                {"type":"MANUAL","shouldReEnroll":%s}""".formatted(shouldReEnroll);
        return this;
    }

    // --- settings ---

    public TestFlow goal(String goalFilterBranch) {
        goal = goalFilterBranch;
        return this;
    }

    public TestFlow suppressionLists(long... listIds) {
        suppressionListIds = Arrays.stream(listIds).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        return this;
    }

    /** "Unenroll from other workflows": {@code ALL} or {@code SELECTIVE} with flow ids. */
    public TestFlow unEnrollFromOthers(String type, String... flowIds) {
        unEnrollmentSetting = """
                {"type":"%s","flowIds":[%s]}""".formatted(type,
                Arrays.stream(flowIds).map(f -> "\"" + f + "\"").collect(Collectors.joining(",")));
        return this;
    }

    public TestFlow turnedOff() {
        enabled = false;
        return this;
    }

    /** The actions, the first being the start action. */
    public TestFlow actions(String... actionJson) {
        actions.addAll(List.of(actionJson));
        return this;
    }

    public Flow build() {
        String start = actions.isEmpty() ? "" : "\"startActionId\":\"%s\",".formatted(actionIdOf(actions.getFirst()));
        return Flow.parse("""
                {"id":"%s","revisionId":"1","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW",
                 "isEnabled":%s,"name":"Flow %s",%s"actions":[%s],"enrollmentCriteria":%s,%s%s
                 "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":%s,
                 "canEnrollFromSalesforce":false}"""
                .formatted(id, enabled, id, start, String.join(",", actions), criteria,
                        goal == null ? "" : "\"goalFilterBranch\":" + goal + ",",
                        unEnrollmentSetting == null ? "" : "\"unEnrollmentSetting\":" + unEnrollmentSetting + ",",
                        suppressionListIds));
    }

    private static String actionIdOf(String actionJson) {
        try {
            return new ObjectMapper().readTree(actionJson).path("actionId").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // --- filter branches (root OR, one AND branch, as HubSpot writes them) ---

    public static String anyOf(String... filters) {
        return """
                {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
                  {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[%s]}]}"""
                .formatted(String.join(",", filters));
    }

    public static String propertyIs(String property, String value) {
        return anyOf(equalsFilter(property, value));
    }

    public static String isKnown(String property) {
        return anyOf("""
                {"filterType":"PROPERTY","property":"%s",
                 "operation":{"operationType":"ALL_PROPERTY","operator":"IS_KNOWN","includeObjectsWithNoValueSet":false}}"""
                .formatted(property));
    }

    public static String inList(String listId) {
        return anyOf("""
                {"filterType":"IN_LIST","listId":"%s","operator":"IN_LIST"}""".formatted(listId));
    }

    public static String equalsFilter(String property, String value) {
        return """
                {"filterType":"PROPERTY","property":"%s",
                 "operation":{"operationType":"STRING","operator":"IS_EQUAL_TO","value":"%s","includeObjectsWithNoValueSet":false}}"""
                .formatted(property, value);
    }

    /** An event branch: the event happened and its properties pass the filters. */
    public static String event(String eventTypeId, String... filters) {
        return """
                {"filterBranchType":"UNIFIED_EVENTS","filterBranchOperator":"AND","eventTypeId":"%s",
                 "operator":"HAS_COMPLETED","filterBranches":[],"filters":[%s]}"""
                .formatted(eventTypeId, String.join(",", filters));
    }

    /** The property-change event branch: {@code property} changed to {@code value}. */
    public static String propertyChangedTo(String property, String value) {
        return event("4-655002", equalsFilter("hs_name", property), equalsFilter("hs_value", value));
    }

    // --- actions ---

    public static String delay(String actionId, String next, long delta, String timeUnit) {
        return single(actionId, next, "0-1", """
                {"delta":"%d","time_unit":"%s"}""".formatted(delta, timeUnit));
    }

    public static String delayDays(String actionId, String next, long days) {
        return delay(actionId, next, days, "DAYS");
    }

    public static String marketingEmail(String actionId, String next, String contentId) {
        return single(actionId, next, "0-4", """
                {"content_id":"%s"}""".formatted(contentId));
    }

    public static String internalEmail(String actionId, String next) {
        return single(actionId, next, "0-8", """
                {"user_ids":["%s"],"subject":"New lead","body":"<p>A new lead</p>"}""".formatted(INTERNAL_EMAIL_USER));
    }

    /** The "add to static list" action ({@code 0-63809083}). */
    public static String addToList(String actionId, String next, String listId) {
        return single(actionId, next, "0-63809083", """
                {"listId":"%s","targetObject":"{{ enrolled_object }}"}""".formatted(listId));
    }

    /** The "remove from static list" action ({@code 0-63863438}). */
    public static String removeFromList(String actionId, String next, String listId) {
        return single(actionId, next, "0-63863438", """
                {"listId":"%s"}""".formatted(listId));
    }

    /** An if/then branch with one named branch and a default. */
    public static String ifThen(String actionId, String branchName, String filterBranch, String next, String defaultNext) {
        return """
                {"type":"LIST_BRANCH","actionId":"%s","listBranches":[
                  {"branchName":"%s","filterBranch":%s%s}]%s,"defaultBranchName":"Otherwise"}"""
                .formatted(actionId, branchName, filterBranch, connection(next),
                        defaultNext == null ? "" : ",\"defaultBranch\":" + edge(defaultNext));
    }

    private static String single(String actionId, String next, String actionTypeId, String fields) {
        return """
                {"type":"SINGLE_CONNECTION","actionId":"%s","actionTypeVersion":0,"actionTypeId":"%s","fields":%s%s}"""
                .formatted(actionId, actionTypeId, fields, connection(next));
    }

    private static String connection(String next) {
        return next == null ? "" : ",\"connection\":" + edge(next);
    }

    private static String edge(String next) {
        return """
                {"edgeType":"STANDARD","nextActionId":"%s"}""".formatted(next);
    }
}
