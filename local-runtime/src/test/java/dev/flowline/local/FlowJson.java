package dev.flowline.local;

/** Pieces of HubSpot flow JSON that the end-to-end tests assemble their flows from. */
final class FlowJson {

    private FlowJson() {
    }

    /** A filter branch matching contacts whose {@code property} equals {@code value}. */
    static String propertyIs(String property, String value) {
        return """
                {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
                  {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[
                    {"filterType":"PROPERTY","property":"%s","operation":{"operationType":"STRING",
                     "operator":"IS_EQUAL_TO","value":"%s","includeObjectsWithNoValueSet":false}}]}]}"""
                .formatted(property, value);
    }

    /** A single-connection action, leading to {@code next} unless it is null. */
    static String action(String actionId, String next, String type, String fields) {
        return ("{\"type\":\"SINGLE_CONNECTION\",\"actionId\":\"%s\",\"actionTypeVersion\":0,\"actionTypeId\":\"%s\","
                + "\"fields\":%s%s}").formatted(actionId, type, fields, next == null ? ""
                : ",\"connection\":{\"edgeType\":\"STANDARD\",\"nextActionId\":\"" + next + "\"}");
    }
}
