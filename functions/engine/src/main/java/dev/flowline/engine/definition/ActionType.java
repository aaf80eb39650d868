package dev.flowline.engine.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of HubSpot's built-in {@code actionTypeId}s (reference section 3.2): for each, the {@code fields}
 * it needs, how it paces a contact, and whether Flowline performs it or skips it with a reason. It is closed:
 * the action package binds each entry to its handler in an exhaustive switch, so an entry cannot be added without
 * saying how it runs. An id missing here is not an error: it is kept as an opaque app action and skipped.
 */
public enum ActionType {

    DELAY("0-1", "Delay for a set time, or until a day of the week or time of day", Pacing.DELAY,
            form("delta", "time_unit"), form("days_of_week"), form("time_of_day")),
    DELAY_UNTIL_DATE("0-35", "Delay until a calendar date or a date property", Pacing.DELAY, form("date")),
    DELAY_UNTIL_EVENT("0-29", "Delay until an event happens", Pacing.DELAY, form("event_filter_branches")),
    MARKETING_EMAIL("0-4", "Send a marketing email to the enrolled contact", Pacing.MARKETING_EMAIL,
            form("content_id")),
    INTERNAL_EMAIL("0-8", "Send an internal email notification", Pacing.ACTION,
            form("subject", "body", "user_ids"), form("subject", "body", "team_ids"),
            form("subject", "body", "owner_properties")),
    EMAIL_TO_ADDRESSES("0-23", "Send an email to specific addresses",
            "sending an email to addresses outside the CRM is not run by Flowline",
            form("email_content_id", "recipient_emails")),
    SET_PROPERTY("0-5", "Set, copy, increment or append a property value", Pacing.ACTION,
            form("property_name", "value")),
    LIST_ADD_OR_REMOVE("0-13", "Add to or remove from a static list", Pacing.ACTION, form("operation", "list_id")),
    LIST_ADD("0-63809083", "Add to a static list", Pacing.ACTION, form("listId")),
    LIST_REMOVE("0-63863438", "Remove from a static list", Pacing.ACTION, form("listId")),
    ROTATE_OWNER("0-11", "Rotate the record to an owner", Pacing.ACTION, form("user_ids"), form("team_ids")),
    ENROL_IN_WORKFLOW("0-15", "Enroll in another workflow", Pacing.ACTION, form()),
    MARKETING_STATUS("0-31", "Set marketing contact status", Pacing.ACTION, form("marketableType")),
    MANAGE_SUBSCRIPTION("0-43347357", "Manage communication subscription", Pacing.ACTION,
            form("channel", "optState", "subscriptionId")),
    DELETE_CONTACT("0-18224765", "Delete the enrolled contact (restorable for 90 days)", Pacing.ACTION, form()),
    IN_APP_NOTIFICATION("0-9", "Send an in-app notification to users", Pacing.ACTION,
            form("user_ids", "subject", "body")),
    SMS("0-25", "Send an internal SMS to users or a number", Pacing.ACTION, form()),
    CREATE_TASK("0-3", "Create a CRM task", Pacing.ACTION, form("task_type", "subject")),
    CREATE_RECORD("0-14", "Create a CRM record", Pacing.ACTION, form("object_type_id", "properties")),
    CREATE_OR_ASSOCIATE("0-63189541", "Create or associate CRM records",
            "creating or associating records needs HubSpot's association engine, which Flowline does not connect to",
            form()),
    CREATE_NOTE("0-169425243", "Create a CRM note", "creating a note needs HubSpot's notes, which Flowline does not connect to",
            form()),
    ASSOCIATION_LABEL("0-61139476", "Apply an association label", ActionType.LABELS, form()),
    ASSOCIATION_LABEL_2("0-61139484", "Apply an association label", ActionType.LABELS, form()),
    ASSOCIATION_LABEL_3("0-73444249", "Apply an association label", ActionType.LABELS, form()),
    SEQUENCE_ENROL("0-46510720", "Enroll in a HubSpot sales sequence",
            "enrolling in a sequence needs HubSpot Sales sequences, which Flowline does not connect to",
            form("sequenceId")),
    SEQUENCE_UNENROL("0-4702372", "Unenroll from a HubSpot sales sequence",
            "unenrolling from a sequence needs HubSpot Sales sequences, which Flowline does not connect to", form()),
    ADS_AUDIENCE("0-30", "Add to or remove from an ads audience",
            "adding to or removing from an ads audience needs an ads network (Facebook, Google or LinkedIn), which "
                    + "Flowline does not connect to", form());

    /** How an action paces the contact that reaches it. */
    public enum Pacing {
        /** A wait: never moved by execution windows, and still run while the flow is turned off. */
        DELAY,
        /** A marketing email: what goal conversion counts (reference 5.4). */
        MARKETING_EMAIL,
        /** Any other action: waits for the flow's execution window, and only while the flow is on. */
        ACTION
    }

    private static final String LABELS = "applying association labels needs HubSpot's association engine, which "
            + "Flowline does not connect to";
    private static final Map<String, ActionType> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ActionType::id, Function.identity()));

    private final String id;
    private final String description;
    private final Pacing pacing;
    private final String skipReason;
    private final List<List<String>> forms;

    @SafeVarargs
    ActionType(String id, String description, Pacing pacing, List<String>... forms) {
        this(id, description, pacing, null, forms);
    }

    /** An action Flowline does not perform: a contact reaching it skips it, with {@code skipReason}. */
    @SafeVarargs
    ActionType(String id, String description, String skipReason, List<String>... forms) {
        this(id, description, Pacing.ACTION, skipReason, forms);
    }

    private ActionType(String id, String description, Pacing pacing, String skipReason, List<String>[] forms) {
        this.id = id;
        this.description = description;
        this.pacing = pacing;
        this.skipReason = skipReason;
        this.forms = List.of(forms);
    }

    public static Optional<ActionType> of(String actionTypeId) {
        return Optional.ofNullable(BY_ID.get(actionTypeId));
    }

    /** The reason to record for skipping {@code actionTypeId}, which Flowline does not perform. */
    public static String skipReason(String actionTypeId) {
        return of(actionTypeId).map(type -> type.skipReason).filter(reason -> reason != null)
                .orElseGet(() -> actionTypeId != null && actionTypeId.startsWith("1-")
                        ? "app action " + actionTypeId + " needs the app that provides it (such as Slack or "
                        + "Salesforce), which Flowline does not connect to"
                        : "action type " + actionTypeId + " is not run by Flowline");
    }

    /** {@code actionTypeId} as HubSpot writes it, such as {@code "0-5"}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Pacing pacing() {
        return pacing;
    }

    /** Whether Flowline performs the action; otherwise contacts skip it with {@link #skipReason(String)}. */
    public boolean performed() {
        return skipReason == null;
    }

    /** The accepted shapes of {@code fields}: an action needs every key of at least one form. */
    public List<List<String>> forms() {
        return forms;
    }

    /** Whether a single-connection action is of this type. */
    public boolean is(SingleConnectionAction action) {
        return id.equals(action.actionTypeId());
    }

    private static List<String> form(String... keys) {
        return List.of(keys);
    }
}
