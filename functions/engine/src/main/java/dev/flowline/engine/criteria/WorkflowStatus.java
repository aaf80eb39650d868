package dev.flowline.engine.criteria;

/** The workflow statuses an {@code IN_LIST} filter can ask about, by its {@code metadata.inListType}. */
public enum WorkflowStatus {
    /** Ever enrolled in the flow. */
    WORKFLOWS_ENROLLMENT,
    /** Enrolled now. */
    WORKFLOWS_ACTIVE,
    /** Met the flow's goal, counted as a conversion. */
    WORKFLOWS_GOAL,
    /** Reached the end of the flow. */
    WORKFLOWS_COMPLETED
}
