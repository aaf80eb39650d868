package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.contact.PropertySource;
import dev.flowline.engine.crm.ContactAssociations;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.owner.Owner;
import dev.flowline.engine.owner.OwnerDirectory;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills HubSpot's personalisation tokens in the text an action sends or stores (spaces inside the braces optional):
 * <ul>
 *   <li>{@code {{ contact.<property> }}} and {@code {{ enrolled_object.<property> }}}: the contact's value, "" when
 *       it has none;</li>
 *   <li>{@code {{ owner.<field> }}}: the contact owner's ({@code hubspot_owner_id}) {@code email},
 *       {@code firstname}, {@code lastname}, {@code fullname}, {@code id} or {@code userid} from the owner
 *       directory, and {@code {{ contact.<owner property>.<field> }}} the same for any property holding an owner
 *       id; "" when the property is empty;</li>
 *   <li>{@code {{ fetched_objects.<data source>.<property> }}}: a property of the record the flow's data source of
 *       that name fetches, for the data sources Flowline can resolve ({@link #fetched}).</li>
 * </ul>
 * Any other token, and one that names what is not there (an owner not in the directory, a data source the flow does
 * not have or Flowline cannot resolve), throws {@link UnresolvedToken} naming it, which fails the action: a token is
 * never sent as written.
 */
public final class Tokens {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final String OWNER_PROPERTY = RotateOwnerAction.DEFAULT_OWNER_PROPERTY;

    private final OwnerDirectory owners;
    private final ContactStore contacts;
    private final CrmObjectStore crm;

    public Tokens(OwnerDirectory owners, ContactStore contacts, CrmObjectStore crm) {
        this.owners = owners;
        this.contacts = contacts;
        this.crm = crm;
    }

    /** A token that cannot be filled; its message names the token and why. */
    static final class UnresolvedToken extends ActionFailure {
        UnresolvedToken(String token, String why) {
            super("the token {{ " + token + " }} cannot be filled: " + why);
        }
    }

    /** {@code text} with every token filled for the enrolled contact of {@code context}. */
    String fill(String text, ActionContext context) {
        return fill(text, context, UnaryOperator.identity());
    }

    /** {@code html} with every token filled, each value escaped so that it shows as written and adds no markup. */
    String fillHtml(String html, ActionContext context) {
        return fill(html, context, Tokens::escapeHtml);
    }

    private String fill(String text, ActionContext context, UnaryOperator<String> escape) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (!text.contains("{{")) {
            return text;
        }
        Matcher tokens = TOKEN.matcher(text);
        return tokens.replaceAll(token -> Matcher.quoteReplacement(escape.apply(value(token.group(1), context))));
    }

    private static String escapeHtml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private String value(String token, ActionContext context) {
        String[] parts = token.split("\\.", -1);
        for (String part : parts) {
            if (!isName(part)) {
                throw new UnresolvedToken(token, "it is not a token Flowline knows");
            }
        }
        Contact contact = context.contact();
        return switch (parts[0]) {
            case "contact", "enrolled_object" -> switch (parts.length) {
                case 2 -> contact.value(parts[1]).orElse("");
                case 3 -> ownerField(token, contact.value(parts[1]), parts[2]);
                default -> throw new UnresolvedToken(token, "it names no property");
            };
            case "owner" -> {
                if (parts.length != 2) {
                    throw new UnresolvedToken(token, "an owner token is owner.<field>");
                }
                yield ownerField(token, contact.value(OWNER_PROPERTY), parts[1]);
            }
            case "fetched_objects" -> {
                if (parts.length != 3) {
                    throw new UnresolvedToken(token, "a fetched-object token is fetched_objects.<data source>.<property>");
                }
                yield fetched(token, parts[1], context).value(parts[2]).orElse("");
            }
            default -> throw new UnresolvedToken(token, "it is not a token Flowline knows");
        };
    }

    /** Whether {@code part} is one or more ASCII letters, digits, underscores and hyphens: a loop, as it runs per token. */
    private static boolean isName(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return !part.isEmpty();
    }

    /** A field of the owner whose id {@code ownerId} holds; "" for no owner. */
    private String ownerField(String token, Optional<String> ownerId, String field) {
        if (ownerId.isEmpty() || ownerId.get().isBlank()) {
            return "";
        }
        Owner owner = owners.owner(ownerId.get()).orElseThrow(() -> new UnresolvedToken(token,
                "owner " + ownerId.get() + " is not in the owner directory"));
        String value = switch (field.toLowerCase(Locale.ROOT)) {
            case "email" -> owner.email();
            case "firstname" -> owner.firstName();
            case "lastname" -> owner.lastName();
            case "fullname" -> String.join(" ", nonNull(owner.firstName()), nonNull(owner.lastName())).strip();
            case "id" -> owner.id();
            case "userid", "user_id" -> owner.userId();
            default -> throw new UnresolvedToken(token, "owners have no field " + field
                    + " (email, firstname, lastname, fullname, id, userid)");
        };
        return nonNull(value);
    }

    /**
     * The record the flow's data source {@code name} fetches. Flowline resolves contact data sources ({@code
     * objectTypeId} {@code 0-1}) that find a contact by {@code hs_object_id} or {@code email}: a
     * {@code STATIC_PROPERTY_FILTER} with {@code staticValue}, or an {@code ENROLLED_RECORD_PROPERTY_FILTER} with the
     * enrolled contact's {@code recordFieldName}; and {@code ASSOCIATION} data sources ({@link #associated}). Other data
     * sources need CRM searches Flowline does not make.
     */
    PropertySource fetched(String token, String name, ActionContext context) {
        if (context.flow() == null) {
            throw new UnresolvedToken(token, "fetched objects come from the data sources of the flow that sends it");
        }
        JsonNode source = Optional.ofNullable(context.flow().dataSources()).orElse(List.of()).stream()
                .filter(candidate -> name.equals(candidate.path("name").asText(null))).findFirst()
                .orElseThrow(() -> new UnresolvedToken(token, "the flow has no data source named " + name));
        String type = source.path("type").asText("");
        if (type.equals("ASSOCIATION")) {
            return associated(token, name, source, context);
        }
        String objectType = source.path("objectTypeId").asText("");
        String property = source.path("propertyName").asText("");
        String wanted = switch (type) {
            case "STATIC_PROPERTY_FILTER" -> source.path("staticValue").asText("");
            case "ENROLLED_RECORD_PROPERTY_FILTER" ->
                    context.contact().value(source.path("recordFieldName").asText("")).orElse("");
            default -> null;
        };
        if (wanted == null || !"0-1".equals(objectType) || !(property.equals("hs_object_id") || property.equals("email"))) {
            throw new UnresolvedToken(token, "the data source " + name + " (" + type + " on object " + objectType
                    + ") is not one Flowline can resolve: only contacts found by hs_object_id or email, and "
                    + "records associated with the contact");
        }
        Optional<Contact> found = wanted.isBlank() ? Optional.empty()
                : property.equals("email") ? contacts.findByEmail(wanted) : contacts.find(wanted);
        return found.orElseThrow(() -> new UnresolvedToken(token, "the data source " + name
                + " found no contact with " + property + " \"" + wanted + "\""));
    }

    /**
     * The first record of {@code objectTypeId} associated with the enrolled contact by {@code associationTypeId}: in
     * the order of {@code sortBy} when the data source has one (numbers as numbers, records without the property
     * last), otherwise the lowest id. A contact with no such record fails the token, naming the data source.
     */
    private PropertySource associated(String token, String name, JsonNode source, ActionContext context) {
        JsonNode typeId = source.path("associationTypeId");
        List<CrmObject> records = new ContactAssociations(crm).of(context.contact().id(),
                source.path("objectTypeId").asText(""), typeId.canConvertToLong() ? typeId.asLong() : null,
                source.path("associationCategory").asText(null));
        String sortBy = source.path("sortBy").path("property").asText("");
        Comparator<CrmObject> order = Comparator.comparing(CrmObject::id);
        if (!sortBy.isBlank()) {
            Comparator<String> values = Tokens::compareValues;
            if ("DESC".equals(source.path("sortBy").path("order").asText(""))) {
                values = values.reversed();
            }
            order = Comparator.comparing((CrmObject record) -> record.value(sortBy).orElse(null),
                    Comparator.nullsLast(values)).thenComparing(order);
        }
        return records.stream().min(order).orElseThrow(() -> new UnresolvedToken(token, "the data source " + name
                + " found no record associated with the contact (object " + source.path("objectTypeId").asText("")
                + ", association type " + typeId.asText("?") + ")"));
    }

    /** Numbers by value, anything else as text. */
    private static int compareValues(String a, String b) {
        return PropertyKind.isNumber(a) && PropertyKind.isNumber(b)
                ? new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim())) : a.compareTo(b);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
