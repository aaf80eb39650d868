package dev.flowline.engine.contact;

/**
 * Event type ids of the activities the filters understand, and the event properties they carry. HubSpot's
 * own ids are used where HubSpot publishes one; the {@code fl-} ids are Flowline's for email events HubSpot
 * gives no public id for (see docs/compatibility.md).
 */
public final class StandardEvents {

    /** A CRM record created: in a contact flow, "contact is created". */
    public static final String OBJECT_CREATED = "4-1463224";
    public static final String FORM_SUBMISSION = "4-1639801";
    public static final String PAGE_VIEW = "4-96000";
    public static final String PROPERTY_CHANGE = "4-655002";

    public static final String EMAIL_SENT = "fl-email-sent";
    public static final String EMAIL_DELIVERED = "4-665536";
    public static final String EMAIL_OPEN = "4-666440";
    public static final String EMAIL_CLICK = "4-666288";
    public static final String EMAIL_REPLY = "4-665538";
    public static final String EMAIL_BOUNCE = "fl-email-bounce";
    public static final String EMAIL_SPAM = "fl-email-spam";
    public static final String EMAIL_UNSUBSCRIBE = "fl-email-unsubscribe";

    public static final String WORKFLOW_ENROLLED = "4-1466013";
    public static final String WORKFLOW_UNENROLLED = "4-1466014";
    public static final String WORKFLOW_GOAL_MET = "4-1753168";

    /** Form id of a form submission. */
    public static final String FORM_ID = "hs_form_id";
    /** Page id of a form submission. */
    public static final String PAGE_ID = "hs_page_id";
    /** URL of a page view, or the clicked link of an email click. */
    public static final String URL = "hs_url";
    /** Marketing email id of an email event. */
    public static final String EMAIL_ID = "hs_email_id";
    /** App id of an email event. */
    public static final String APP_ID = "hs_app_id";
    /** Name of the property of a property-change event. */
    public static final String CHANGED_PROPERTY = "hs_name";
    /** New value of a property-change event. */
    public static final String NEW_VALUE = "hs_value";
    /** Flow id of a workflow event. */
    public static final String FLOW_ID = "hs_flow_id";

    private StandardEvents() {
    }
}
