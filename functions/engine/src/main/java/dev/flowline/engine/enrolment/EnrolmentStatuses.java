package dev.flowline.engine.enrolment;

import dev.flowline.engine.criteria.WorkflowStatus;
import dev.flowline.engine.criteria.WorkflowStatuses;

/** Answers workflow-status filters ({@code IN_LIST} with workflow metadata) from the enrolment records. */
record EnrolmentStatuses(EnrolmentStore enrolments) implements WorkflowStatuses {

    @Override
    public boolean has(String contactId, String flowId, WorkflowStatus status) {
        var all = enrolments.ofContact(flowId, contactId);
        return switch (status) {
            case WORKFLOWS_ENROLLMENT -> !all.isEmpty();
            case WORKFLOWS_ACTIVE -> all.stream().anyMatch(Enrolment::isActive);
            case WORKFLOWS_GOAL -> all.stream().anyMatch(Enrolment::goalConverted);
            case WORKFLOWS_COMPLETED -> all.stream().anyMatch(e -> e.status() == EnrolmentStatus.COMPLETED);
        };
    }
}
