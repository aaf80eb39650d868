package dev.flowline.engine.action;

import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.enrolment.EnrolmentDecision;

/**
 * Enrol in another workflow ({@code 0-15}), by hand: triggers do not apply, the target's other guards do.
 * A refusal (already enrolled, re-enrolment off…) fails the action with the reason and the contact goes on.
 */
final class EnrolInWorkflowAction implements ActionHandler<SingleConnectionAction> {

    private final WorkflowEnrolments workflows;

    EnrolInWorkflowAction(WorkflowEnrolments workflows) {
        this.workflows = workflows;
    }

    @Override
    public StepResult execute(SingleConnectionAction action, ActionContext context) {
        String flowId = Fields.firstText(action.fields(), "flow_id", "workflow_id");
        if (flowId.isBlank()) {
            return Results.failed(action, "the action names no workflow");
        }
        EnrolmentDecision decision = workflows.enrol(flowId, context.contact().id());
        return decision.isEnrolled()
                ? Results.succeeded(action, "enrolled in workflow " + flowId)
                : Results.failed(action, "not enrolled in workflow " + flowId + ": " + decision.reason());
    }
}
