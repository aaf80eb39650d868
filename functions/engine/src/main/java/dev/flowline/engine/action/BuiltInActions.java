package dev.flowline.engine.action;

import dev.flowline.engine.definition.SingleConnectionAction;

import java.util.HashMap;
import java.util.Map;

/** The built-in actions Flowline runs, by {@code actionTypeId}. */
public final class BuiltInActions {

    private BuiltInActions() {
    }

    public static ActionExecutor executor(ActionPorts ports) {
        Map<String, ActionHandler<SingleConnectionAction>> handlers = new HashMap<>();
        handlers.putAll(DelayActions.handlers());
        handlers.putAll(MessageActions.handlers(ports));
        handlers.putAll(CreateActions.handlers(ports));
        handlers.putAll(ListActions.handlers());
        handlers.putAll(SubscriptionActions.handlers());
        handlers.put(SetPropertyAction.TYPE, new SetPropertyAction());
        handlers.put(RotateOwnerAction.TYPE, new RotateOwnerAction(ports.owners(), ports.rotations()));
        handlers.put(EnrolInWorkflowAction.TYPE, new EnrolInWorkflowAction(ports.workflows()));
        handlers.put(SmsAction.TYPE, new SmsAction(ports.sms(), ports.smsQuota()));
        return new ActionExecutor(handlers, new WebhookHandler(ports.webhooks()));
    }
}
