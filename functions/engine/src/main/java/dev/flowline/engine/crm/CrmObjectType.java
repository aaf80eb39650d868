package dev.flowline.engine.crm;

import java.util.Locale;
import java.util.Optional;

/**
 * The CRM object types Flowline keeps, with HubSpot's object type ids and names. Contacts live in the contact
 * store; they are here because records are associated with them. Where HubSpot accepts an object type, its id
 * ({@code 0-3}), its plural name ({@code deals}) and its singular name ({@code deal}) are all accepted.
 */
public enum CrmObjectType {
    CONTACT("0-1", "contacts", "contact"),
    COMPANY("0-2", "companies", "company"),
    DEAL("0-3", "deals", "deal"),
    TICKET("0-5", "tickets", "ticket"),
    TASK("0-27", "tasks", "task"),
    NOTE("0-46", "notes", "note");

    private final String id;
    private final String plural;
    private final String singular;

    CrmObjectType(String id, String plural, String singular) {
        this.id = id;
        this.plural = plural;
        this.singular = singular;
    }

    /** HubSpot's object type id, such as {@code 0-27} for tasks. */
    public String id() {
        return id;
    }

    /** The name in API paths, such as {@code tasks}. */
    public String plural() {
        return plural;
    }

    /** The name in association type names, such as {@code task} in {@code task_to_contact}. */
    public String singular() {
        return singular;
    }

    /** The type named by its id, plural or singular name (in any case); empty for any other name. */
    public static Optional<CrmObjectType> named(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        for (CrmObjectType type : values()) {
            if (type.id.equals(lower) || type.plural.equals(lower) || type.singular.equals(lower)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
