package dev.flowline.engine.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * HubSpot's built-in {@code actionTypeId}s (reference section 3.2) with the {@code fields} each one needs.
 * An id missing here is not an error: it is kept as an opaque app action.
 */
public final class ActionTypes {

    public static final String DELAY = "0-1";
    public static final String DELAY_UNTIL_DATE = "0-35";
    public static final String DELAY_UNTIL_EVENT = "0-29";

    /** Who carries the action out. */
    public enum Performer {
        /** Flowline runs the action itself. */
        FLOWLINE,
        /** The action needs a system Flowline does not talk to (sales sequences, ads audiences, notes…). */
        THIRD_PARTY
    }

    /**
     * One built-in action type.
     *
     * @param forms the accepted shapes of {@code fields}: an action needs every key of at least one form
     */
    public record ActionType(String id, String description, Performer performer, List<List<String>> forms) {

        public boolean runsInFlowline() {
            return performer == Performer.FLOWLINE;
        }
    }

    private static final Map<String, ActionType> TYPES = Stream.of(
            type(DELAY, "Delay for a set time, or until a day of the week or time of day", Performer.FLOWLINE,
                    form("delta", "time_unit"), form("days_of_week"), form("time_of_day")),
            type(DELAY_UNTIL_DATE, "Delay until a calendar date or a date property", Performer.FLOWLINE,
                    form("date")),
            type(DELAY_UNTIL_EVENT, "Delay until an event happens", Performer.FLOWLINE,
                    form("event_filter_branches")),
            type("0-4", "Send a marketing email to the enrolled contact", Performer.FLOWLINE,
                    form("content_id")),
            type("0-8", "Send an internal email notification", Performer.FLOWLINE,
                    form("subject", "body", "user_ids"), form("subject", "body", "team_ids"),
                    form("subject", "body", "owner_properties")),
            type("0-23", "Send an email to specific addresses", Performer.FLOWLINE,
                    form("email_content_id", "recipient_emails")),
            type("0-5", "Set, copy, increment or append a property value", Performer.FLOWLINE,
                    form("property_name", "value")),
            type("0-13", "Add to or remove from a static list", Performer.FLOWLINE,
                    form("operation", "list_id")),
            type("0-63809083", "Add to a static list", Performer.FLOWLINE, form("listId")),
            type("0-63863438", "Remove from a static list", Performer.FLOWLINE, form("listId")),
            type("0-11", "Rotate the record to an owner", Performer.FLOWLINE,
                    form("user_ids"), form("team_ids")),
            type("0-15", "Enroll in another workflow", Performer.FLOWLINE, form()),
            type("0-31", "Set marketing contact status", Performer.FLOWLINE, form("marketableType")),
            type("0-43347357", "Manage communication subscription", Performer.FLOWLINE,
                    form("channel", "optState", "subscriptionId")),
            type("0-18224765", "Delete the enrolled contact", Performer.FLOWLINE, form()),
            type("0-9", "Send an in-app notification to users", Performer.FLOWLINE,
                    form("user_ids", "subject", "body")),
            type("0-3", "Create a CRM task", Performer.FLOWLINE, form("task_type", "subject")),
            type("0-14", "Create a CRM record", Performer.FLOWLINE, form("object_type_id", "properties")),
            type("0-63189541", "Create or associate CRM records", Performer.THIRD_PARTY, form()),
            type("0-169425243", "Create a CRM note", Performer.THIRD_PARTY, form()),
            type("0-61139476", "Apply an association label", Performer.THIRD_PARTY, form()),
            type("0-61139484", "Apply an association label", Performer.THIRD_PARTY, form()),
            type("0-73444249", "Apply an association label", Performer.THIRD_PARTY, form()),
            type("0-46510720", "Enroll in a HubSpot sales sequence", Performer.THIRD_PARTY, form("sequenceId")),
            type("0-4702372", "Unenroll from a HubSpot sales sequence", Performer.THIRD_PARTY, form()),
            type("0-30", "Add to or remove from an ads audience", Performer.THIRD_PARTY, form()))
            .collect(Collectors.toMap(ActionType::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    private ActionTypes() {
    }

    public static Optional<ActionType> find(String actionTypeId) {
        return Optional.ofNullable(TYPES.get(actionTypeId));
    }

    /** Every known built-in type, in table order. */
    public static List<ActionType> all() {
        return List.copyOf(TYPES.values());
    }

    @SafeVarargs
    private static ActionType type(String id, String description, Performer performer, List<String>... forms) {
        return new ActionType(id, description, performer, List.of(forms));
    }

    private static List<String> form(String... keys) {
        return List.of(keys);
    }
}
