package dev.flowline.engine.action;

import dev.flowline.engine.enrolment.EnrolmentDecision;

/** Enrols a contact in another flow by hand, as the "enrol in another workflow" action does. */
@FunctionalInterface
public interface WorkflowEnrolments {

    EnrolmentDecision enrol(String flowId, String contactId);
}
