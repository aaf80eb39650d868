package dev.flowline.engine.action;

import dev.flowline.engine.definition.Action;

/** Runs one kind of action. */
@FunctionalInterface
public interface ActionHandler<A extends Action> {

    StepResult execute(A action, ActionContext context);
}
