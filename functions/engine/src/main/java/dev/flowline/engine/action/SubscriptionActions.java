package dev.flowline.engine.action;

import dev.flowline.engine.contact.SubscriptionState;
import dev.flowline.engine.definition.SingleConnectionAction;

import java.util.Locale;

/**
 * Manage communication subscription ({@code 0-43347357}) and set marketing contact status ({@code 0-31},
 * kept in the {@code hs_marketable_status} property as "true" or "false").
 */
final class SubscriptionActions {

    private SubscriptionActions() {
    }

    static StepResult subscription(SingleConnectionAction action, ActionContext context) {
        String subscriptionId = Fields.text(action.fields(), "subscriptionId");
        String optState = Fields.text(action.fields(), "optState").toUpperCase(Locale.ROOT);
        if (subscriptionId.isBlank() || !(optState.equals("OPT_IN") || optState.equals("OPT_OUT"))) {
            return Results.failed(action, "the action needs a subscription and an opt state OPT_IN or OPT_OUT");
        }
        context.contact().subscribe(subscriptionId, SubscriptionState.valueOf(optState));
        String legalBasis = Fields.text(action.fields(), "legalBasis");
        return Results.succeeded(action, (optState.equals("OPT_IN") ? "opted in to" : "opted out of")
                + " subscription " + subscriptionId + (legalBasis.isBlank() ? "" : " (legal basis " + legalBasis + ")"));
    }

    static StepResult marketingStatus(SingleConnectionAction action, ActionContext context) {
        String type = Fields.text(action.fields(), "marketableType").toUpperCase(Locale.ROOT);
        if (!type.equals("MARKETABLE") && !type.equals("NON_MARKETABLE")) {
            return Results.failed(action, "the action needs marketableType MARKETABLE or NON_MARKETABLE");
        }
        boolean marketable = type.equals("MARKETABLE");
        context.contact().setProperty(MessageActions.MARKETABLE_STATUS, String.valueOf(marketable), context.now());
        return Results.succeeded(action, marketable ? "set as a marketing contact" : "set as a non-marketing contact");
    }
}
