package dev.flowline.engine.action;

import java.util.Map;

/** Why an action that needs a service outside Flowline is skipped: the contact goes on without it. */
final class ThirdPartyActions {

    static final String CUSTOM_CODE = "custom code needs HubSpot's serverless code runtime, which Flowline does not connect to";

    private static final Map<String, String> NEEDS = Map.of(
            "0-30", "adding to or removing from an ads audience needs an ads network (Facebook, Google or LinkedIn)",
            "0-46510720", "enrolling in a sequence needs HubSpot Sales sequences",
            "0-4702372", "unenrolling from a sequence needs HubSpot Sales sequences");

    private ThirdPartyActions() {
    }

    /** The reason to record for skipping an action type that no handler runs. */
    static String skipReason(String actionTypeId) {
        String needs = NEEDS.get(actionTypeId);
        if (needs == null && actionTypeId != null && actionTypeId.startsWith("1-")) {
            needs = "app action " + actionTypeId + " needs the app that provides it (such as Slack or Salesforce)";
        }
        return needs == null ? "action type " + actionTypeId + " is not run by Flowline"
                : needs + ", which Flowline does not connect to";
    }
}
