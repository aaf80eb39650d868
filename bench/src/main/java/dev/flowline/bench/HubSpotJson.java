package dev.flowline.bench;

import java.util.List;

/** HubSpot v4 JSON for the benchmarks' filters and flows, so that what runs is what HubSpot's API would hold. */
final class HubSpotJson {

    private HubSpotJson() {
    }

    static String branch(String type, List<String> filters, List<String> branches) {
        return """
                {"filterBranchType":"%s","filterBranchOperator":"%s","filters":[%s],"filterBranches":[%s]}"""
                .formatted(type, type, String.join(",", filters), String.join(",", branches));
    }

    /** A root OR of one AND branch of the filters, as HubSpot writes a single group of conditions. */
    static String allOf(List<String> filters) {
        return branch("OR", List.of(), List.of(branch("AND", filters, List.of())));
    }

    static String propertyFilter(String property, String operation) {
        return """
                {"filterType":"PROPERTY","property":"%s","operation":%s}""".formatted(property, operation);
    }

    static String isEqualTo(String property, String value) {
        return propertyFilter(property, """
                {"operationType":"STRING","operator":"IS_EQUAL_TO","value":"%s","includeObjectsWithNoValueSet":false}"""
                .formatted(value));
    }

    static String isGreaterThan(String property, long value) {
        return propertyFilter(property, """
                {"operationType":"NUMBER","operator":"IS_GREATER_THAN","value":%d,"includeObjectsWithNoValueSet":false}"""
                .formatted(value));
    }

    static String isAnyOf(String property, String... values) {
        return propertyFilter(property, """
                {"operationType":"ENUMERATION","operator":"IS_ANY_OF","values":["%s"],"includeObjectsWithNoValueSet":false}"""
                .formatted(String.join("\",\"", values)));
    }

    static String isKnown(String property) {
        return propertyFilter(property, """
                {"operationType":"ALL_PROPERTY","operator":"IS_KNOWN","includeObjectsWithNoValueSet":false}""");
    }

    static String inList(String listId) {
        return """
                {"filterType":"IN_LIST","listId":"%s","operator":"IN_LIST"}""".formatted(listId);
    }

    /** The contact did the event in the last {@code days} days. */
    static String hadEventInLastDays(String eventId, int days) {
        return """
                {"filterType":"EVENT","eventId":"%s","operator":"HAS_EVENT","filterLines":[],
                 "pruningRefineBy":{"type":"RELATIVE_COMPARATIVE","comparison":"AFTER",
                   "timeOffset":{"amount":%d,"offsetDirection":"PAST","timeUnit":"DAYS"}}}"""
                .formatted(eventId, days);
    }

    /** An enabled contact flow enrolling contacts that come to meet {@code listFilterBranch}. */
    static String flow(String id, String listFilterBranch, List<String> actions) {
        String start = actions.isEmpty() ? "" : "\"startActionId\":\"1\",";
        return """
                {"id":"%s","revisionId":"1","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW",
                 "isEnabled":true,"name":"Flow %s",%s"actions":[%s],
                 "enrollmentCriteria":{"type":"LIST_BASED","listFilterBranch":%s,"reEnrollmentTriggersFilterBranches":[],
                   "shouldReEnroll":false,"unEnrollObjectsNotMeetingCriteria":false},
                 "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[],
                 "canEnrollFromSalesforce":false}"""
                .formatted(id, id, start, String.join(",", actions), listFilterBranch);
    }

    /** A built-in action going on to action {@code next} (none when null); action ids are their positions. */
    static String action(int actionId, String actionTypeId, String fields, Integer next) {
        String connection = next == null ? ""
                : ",\"connection\":{\"edgeType\":\"STANDARD\",\"nextActionId\":\"%d\"}".formatted(next);
        return """
                {"type":"SINGLE_CONNECTION","actionId":"%d","actionTypeVersion":0,"actionTypeId":"%s","fields":%s%s}"""
                .formatted(actionId, actionTypeId, fields, connection);
    }
}
