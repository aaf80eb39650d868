package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.SubscriptionState;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.simulation.Outbox;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.context;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.ActionTesting.executor;
import static org.assertj.core.api.Assertions.assertThat;

/** Subscription and marketing status actions; the list actions are in {@link ListActionsTest}. */
class SubscriptionActionsTest {

    private final ActionExecutor executor = executor(new Outbox());

    private StepResult.Next run(Contact contact, String actionTypeId, String fields) {
        Flow flow = flow("f", action(actionTypeId, fields));
        return (StepResult.Next) executor.execute(flow.action("1").orElseThrow(), context(flow, contact, START));
    }

    @Test
    void manageSubscriptionOptsTheContactOutOrIn() {
        var contact = contact("c");
        run(contact, "0-43347357", """
                {"targetContact":"{{ enrolled_object }}","channel":"EMAIL","optState":"OPT_OUT","subscriptionId":"9001",
                 "legalBasis":"LEGITIMATE_INTEREST_CLIENT","legalBasisExplanation":"asked by phone"}""");
        assertThat(contact.subscriptions()).containsEntry("9001", SubscriptionState.OPT_OUT);

        run(contact, "0-43347357", "{\"channel\":\"EMAIL\",\"optState\":\"OPT_IN\",\"subscriptionId\":\"9001\"}");
        assertThat(contact.subscriptions()).containsEntry("9001", SubscriptionState.OPT_IN);
    }

    @Test
    void marketingStatusIsKeptInTheMarketableStatusProperty() {
        var contact = contact("c");
        run(contact, "0-31", "{\"targetContact\":\"{{ enrolled_object }}\",\"marketableType\":\"NON_MARKETABLE\"}");
        assertThat(contact.value("hs_marketable_status")).contains("false");

        run(contact, "0-31", "{\"marketableType\":\"MARKETABLE\"}");
        assertThat(contact.value("hs_marketable_status")).contains("true");
    }
}
