package dev.flowline.engine.enrolment;

/** What enrolled a contact. */
public enum EnrolmentSource {
    /** It met the enrolment triggers. */
    TRIGGER,
    /** It met a re-enrolment trigger and the enrolment triggers. */
    RE_ENROLMENT,
    /** By hand, through the API, or by another flow's "enrol in workflow" action. */
    MANUAL,
    /** A recurring enrolment schedule. */
    SCHEDULE,
    /** The flow was turned on with the option to enrol contacts that already match. */
    EXISTING_CONTACTS
}
