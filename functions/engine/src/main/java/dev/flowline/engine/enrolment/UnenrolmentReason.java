package dev.flowline.engine.enrolment;

/** Why an enrolment ended before the end of the flow. */
public enum UnenrolmentReason {
    /** The contact met the flow's goal. */
    GOAL_MET,
    /** The contact is (or became) a member of one of the flow's suppression lists. */
    SUPPRESSION_LIST,
    /** The contact no longer meets the enrolment triggers and the flow unenrols such contacts. */
    NO_LONGER_MEETS_CRITERIA,
    /** Another flow's unenrolment setting removed the contact when it enrolled there. */
    ENROLLED_IN_OTHER_WORKFLOW,
    /** Unenrolled by hand, through the API. */
    MANUAL,
    /** The contact was deleted. */
    CONTACT_DELETED,
    /** The flow was deleted. */
    FLOW_DELETED,
    /** A step of the flow cannot run: its definition holds a value the engine cannot act on (the history says which). */
    ACTION_CANNOT_RUN
}
