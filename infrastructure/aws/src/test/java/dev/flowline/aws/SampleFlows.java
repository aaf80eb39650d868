package dev.flowline.aws;

import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.email.EmailTemplate;

import java.time.Instant;

/**
 * Flows in HubSpot's v4 JSON for the handlers' tests, matching the samples in {@code events/}: contact 51
 * becoming a customer, submitting the form {@code contact-us}.
 */
public final class SampleFlows {

    public static final String CUSTOMER = """
            {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
              {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[
                {"filterType":"PROPERTY","property":"lifecyclestage","operation":{"operationType":"STRING",
                 "operator":"IS_EQUAL_TO","value":"customer","includeObjectsWithNoValueSet":false}}]}]}""";

    public static final String FORM_SUBMITTED = """
            {"filterBranchType":"UNIFIED_EVENTS","filterBranchOperator":"AND","eventTypeId":"4-1639801",
             "operator":"HAS_COMPLETED","filterBranches":[],"filters":[]}""";

    private SampleFlows() {
    }

    /** Enrols contacts that become customers. */
    public static String listBased(String filterBranch) {
        return """
                {"type":"LIST_BASED","listFilterBranch":%s,"reEnrollmentTriggersFilterBranches":[],
                 "shouldReEnroll":false,"unEnrollObjectsNotMeetingCriteria":false}""".formatted(filterBranch);
    }

    public static String eventBased(String eventBranch) {
        return """
                {"type":"EVENT_BASED","shouldReEnroll":false,"eventFilterBranches":[%s],
                 "listMembershipFilterBranches":[]}""".formatted(eventBranch);
    }

    public static final String MANUAL = """
            {"type":"MANUAL","shouldReEnroll":false}""";

    /** An enabled contact flow; {@code goal} may be null; the first action starts it. */
    public static Flow flow(String id, String criteria, String goal, String... actions) {
        return Flow.parse("""
                {"id":"%s","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW",
                 "isEnabled":true,"name":"Flow %s","startActionId":"1","actions":[%s],"enrollmentCriteria":%s,%s
                 "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[],
                 "canEnrollFromSalesforce":false}"""
                .formatted(id, id, String.join(",", actions), criteria,
                        goal == null ? "" : "\"goalFilterBranch\":" + goal + ","));
    }

    public static String marketingEmail(String actionId, String next, String contentId) {
        return single(actionId, next, "0-4", """
                {"content_id":"%s"}""".formatted(contentId));
    }

    /**
     * Puts the account's email templates the flows' marketing emails name: subject "Marketing email ID", and a text
     * body addressing the contact by its email.
     */
    public static void putEmailTemplates(AwsEngine engine, String... contentIds) {
        for (String contentId : contentIds) {
            engine.engine().ports().emailTemplates().put(new EmailTemplate(contentId, "Marketing email " + contentId,
                    null, "Hello {{ contact.email }}", Instant.EPOCH, Instant.EPOCH));
        }
    }

    public static String delayDays(String actionId, String next, long days) {
        return single(actionId, next, "0-1", """
                {"delta":"%d","time_unit":"DAYS"}""".formatted(days));
    }

    /** A signed POST webhook to {@code url}. */
    public static String webhook(String actionId, String next, String url) {
        return """
                {"type":"WEBHOOK","actionId":"%s","method":"POST","webhookUrl":"%s","queryParams":[],
                 "authSettings":{"type":"SIGNATURE","appId":4242}%s}""".formatted(actionId, url, connection(next));
    }

    private static String single(String actionId, String next, String actionTypeId, String fields) {
        return """
                {"type":"SINGLE_CONNECTION","actionId":"%s","actionTypeVersion":0,"actionTypeId":"%s","fields":%s%s}"""
                .formatted(actionId, actionTypeId, fields, connection(next));
    }

    private static String connection(String next) {
        return next == null ? "" : """
                ,"connection":{"edgeType":"STANDARD","nextActionId":"%s"}""".formatted(next);
    }
}
