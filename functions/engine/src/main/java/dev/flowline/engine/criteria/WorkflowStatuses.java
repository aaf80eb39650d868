package dev.flowline.engine.criteria;

/** Answers whether a contact has a workflow status in a flow (backed by enrolment records). */
@FunctionalInterface
public interface WorkflowStatuses {

    WorkflowStatuses NONE = (contactId, flowId, status) -> false;

    boolean has(String contactId, String flowId, WorkflowStatus status);
}
