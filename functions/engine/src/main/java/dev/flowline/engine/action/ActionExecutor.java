package dev.flowline.engine.action;

import dev.flowline.engine.definition.AbTestBranchAction;
import dev.flowline.engine.definition.Action;
import dev.flowline.engine.definition.ActionType;
import dev.flowline.engine.definition.CustomCodeAction;
import dev.flowline.engine.definition.ListBranchAction;
import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.definition.StaticBranchAction;
import dev.flowline.engine.definition.UnknownAction;
import dev.flowline.engine.definition.WebhookAction;

import java.util.Map;

/**
 * Runs an action of any kind: branches here, built-in actions by their {@code actionTypeId}. An action type
 * Flowline does not run is skipped with a recorded reason and the contact moves on.
 */
public final class ActionExecutor {

    /** Custom code is a HubSpot runtime, not an action type of the catalogue. */
    static final String CUSTOM_CODE = "custom code needs HubSpot's serverless code runtime, which Flowline does not connect to";

    private final Map<ActionType, ActionHandler<SingleConnectionAction>> builtIns;
    private final ActionHandler<WebhookAction> webhook;
    private final Tokens tokens;

    ActionExecutor(Map<ActionType, ActionHandler<SingleConnectionAction>> builtIns,
                   ActionHandler<WebhookAction> webhook, Tokens tokens) {
        this.builtIns = Map.copyOf(builtIns);
        this.webhook = webhook;
        this.tokens = tokens;
    }

    /**
     * Runs the action. One that cannot be done ({@link ActionFailure}: a token that cannot be filled, a user the
     * directory does not know) fails with the reason, and the contact goes on along its last connection: an action's
     * only one, a value branch's default.
     */
    public StepResult execute(Action action, ActionContext context) {
        try {
            return run(action, context.withTokens(tokens));
        } catch (ActionFailure e) {
            return StepResult.next(action.edges().isEmpty() ? null : action.edges().getLast().connection().nextActionId(),
                    StepResult.Outcome.failed(e.getMessage()));
        }
    }

    private StepResult run(Action action, ActionContext context) {
        return switch (action) {
            case ListBranchAction branch -> Branches.ifThen(branch, context);
            case StaticBranchAction branch -> Branches.valueEquals(branch, context);
            case AbTestBranchAction branch -> Branches.randomSplit(branch, context);
            case WebhookAction hook -> webhook.execute(hook, context);
            case SingleConnectionAction single -> builtIn(single, context);
            case CustomCodeAction code -> StepResult.next(Branches.next(code.connection()),
                    StepResult.Outcome.skipped(CUSTOM_CODE));
            case UnknownAction unknown -> StepResult.next(unknown.edges().isEmpty() ? null
                            : unknown.edges().getFirst().connection().nextActionId(),
                    StepResult.Outcome.skipped("action type " + unknown.type() + " is not run by Flowline"));
        };
    }

    private StepResult builtIn(SingleConnectionAction action, ActionContext context) {
        return ActionType.of(action.actionTypeId()).map(builtIns::get)
                .map(handler -> handler.execute(action, context))
                .orElseGet(() -> StepResult.next(Branches.next(action.connection()),
                        StepResult.Outcome.skipped(ActionType.skipReason(action.actionTypeId()))));
    }
}
