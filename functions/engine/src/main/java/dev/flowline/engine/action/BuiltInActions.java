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
        return new ActionExecutor(handlers, (hook, context) -> StepResult.next(Branches.next(hook.connection()),
                StepResult.Outcome.skipped("webhooks are not sent yet")));
    }
}
