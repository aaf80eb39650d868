package dev.flowline.engine.action;

import dev.flowline.engine.definition.SingleConnectionAction;

/** The usual ends of a built-in action: record how it went and go on along its one connection. */
final class Results {

    private Results() {
    }

    static StepResult succeeded(SingleConnectionAction action, String detail) {
        return StepResult.next(Branches.next(action.connection()), StepResult.Outcome.succeeded(detail));
    }

    static StepResult skipped(SingleConnectionAction action, String detail) {
        return StepResult.next(Branches.next(action.connection()), StepResult.Outcome.skipped(detail));
    }

    static StepResult failed(SingleConnectionAction action, String detail) {
        return StepResult.next(Branches.next(action.connection()), StepResult.Outcome.failed(detail));
    }
}
