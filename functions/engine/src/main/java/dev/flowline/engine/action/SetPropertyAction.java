package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.EmailAddress;
import dev.flowline.engine.contact.PropertyName;
import dev.flowline.engine.crm.AssociationTypes;
import dev.flowline.engine.crm.ContactAssociations;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.definition.NumberRanges;
import dev.flowline.engine.definition.SingleConnectionAction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Set property value ({@code 0-5}): {@code property_name} takes {@code value}, a member of the value union.
 * Copy ({@code OBJECT_PROPERTY}, or {@code FETCHED_OBJECT_PROPERTY} from a record of the flow's data sources) follows
 * HubSpot's compatible-kinds rules, increment adds to the current number (an empty one counts as 0), the two append
 * members add ';'-separated options without duplicates, and an empty {@code STATIC_VALUE} clears the property. A
 * value that is no email address fails to be set as {@code email}, with the reason, and the contact goes on.
 *
 * <p>With a non-empty {@code association} ({@code associationCategory}, {@code associationTypeId}), the property is
 * set on every record associated with the contact by that type, each from its own current value (values are read from
 * the enrolled contact, as HubSpot's copy does); the contact's own property is never written in their place. No such
 * record, or an association type Flowline does not keep, skips the action with the reason.
 */
final class SetPropertyAction implements ActionHandler<SingleConnectionAction> {

    private final CrmRecords records;
    private final CrmObjectStore crm;

    SetPropertyAction(CrmRecords records, CrmObjectStore crm) {
        this.records = records;
        this.crm = crm;
    }

    @Override
    public StepResult execute(SingleConnectionAction action, ActionContext context) {
        String property = Fields.text(action.fields(), "property_name");
        JsonNode value = Fields.node(action.fields(), "value");
        if (property.isBlank() || value == null) {
            return Results.failed(action, "the action names no property or no value");
        }
        Optional<String> badName = PropertyName.problem(property);
        if (badName.isPresent()) {
            return Results.failed(action, "cannot set property_name: " + badName.get());
        }
        JsonNode association = Fields.node(action.fields(), "association");
        try {
            if (association != null && association.isObject() && !association.isEmpty()) {
                return onAssociated(action, context, property, value, association);
            }
            String current = context.contact().value(property).orElse("");
            return set(action, context, property, newValue(property, value, current, context));
        } catch (ActionFailure e) {
            return Results.failed(action, e.getMessage());
        }
    }

    /** The value {@code property} takes when it holds {@code current}; an {@link ActionFailure} when it cannot. */
    private static String newValue(String property, JsonNode value, String current, ActionContext context) {
        Contact contact = context.contact();
        String type = Values.typeOf(value);
        return switch (type) {
            case "FETCHED_OBJECT_PROPERTY" -> copy(property, current, value.path("propertyToken").asText(""),
                    Optional.of(context.fill(value.path("propertyToken").asText(""))).filter(v -> !v.isEmpty()));
            case "INCREMENT" -> increment(property, current, value.path("incrementAmount").asText("0"));
            case "APPEND_OBJECT_PROPERTY" ->
                    append(current, contact.value(value.path("appendPropertyName").asText()).orElse(""));
            case "STATIC_APPEND_VALUE" -> append(current, value.path("staticAppendValue").asText(""));
            case "OBJECT_PROPERTY" -> {
                String source = value.path("propertyName").asText();
                yield copy(property, current, source, contact.value(source));
            }
            default -> {
                if (!Values.resolvable(value)) {
                    throw new ActionFailure("values of type " + type + " are not supported");
                }
                yield Values.resolve(value, context).orElse("");
            }
        };
    }

    /** Sets the property on each record associated by the action's association type, once per record and step. */
    private StepResult onAssociated(SingleConnectionAction action, ActionContext context, String property,
                                    JsonNode value, JsonNode association) {
        JsonNode typeId = association.path("associationTypeId");
        String category = association.path("associationCategory").asText(null);
        Optional<AssociationTypes.Type> type = typeId.canConvertToInt()
                && (category == null || AssociationTypes.HUBSPOT_DEFINED.equals(category))
                ? AssociationTypes.from(CrmObjectType.CONTACT, typeId.asInt()) : Optional.empty();
        if (type.isEmpty()) {
            return Results.skipped(action, "not set: " + property + " is to be set on the records associated by "
                    + "association type " + typeId.asText("?") + " (" + category + "), which Flowline does not "
                    + "keep; the contact's own property is left as it is");
        }
        CrmObjectType objectType = type.get().to();
        List<CrmObject> associated = new ContactAssociations(crm).of(context.contact().id(), objectType.id(),
                typeId.asLong(), category);
        if (associated.isEmpty()) {
            return Results.skipped(action, "not set: the contact has no associated " + objectType.plural()
                    + " (association type " + typeId.asInt() + "); the contact's own property is left as it is");
        }
        var changed = new ArrayList<String>();
        for (CrmObject record : associated) {
            String current = record.value(property).orElse("");
            String next = newValue(property, value, current, context);
            if (!next.equals(current) && records.updateRecord(new RecordUpdate(
                    context.idempotencyKey() + "#" + record.id(), record.ref(), property, next))) {
                changed.add(record.id());
            }
        }
        String on = objectType.plural() + " " + String.join(", ", associated.stream().map(CrmObject::id).toList());
        return Results.succeeded(action, changed.isEmpty() ? property + " of the associated " + on
                + " already had that value" : "set " + property + " on the associated " + objectType.plural() + " "
                + String.join(", ", changed));
    }

    private static String copy(String target, String current, String source, Optional<String> value) {
        if (value.isPresent() && !current.isEmpty()) {
            PropertyKind from = PropertyKind.of(value.get());
            PropertyKind to = PropertyKind.of(current);
            if (!from.copiesInto(to)) {
                throw new ActionFailure("cannot copy the " + from.label() + " value of " + source
                        + " into the " + to.label() + " property " + target);
            }
        }
        return value.orElse("");
    }

    private static String increment(String property, String current, String amount) {
        BigDecimal by = finite(amount).orElseThrow(() ->
                new ActionFailure("the increment amount \"" + amount + "\" is not a number"));
        BigDecimal start = (current.isEmpty() ? Optional.of(BigDecimal.ZERO) : finite(current)).orElseThrow(() ->
                new ActionFailure("cannot increment " + property + ": its value \"" + current + "\" is not a number"));
        return start.add(by).stripTrailingZeros().toPlainString();
    }

    /**
     * The number in {@code text}, if it is one a JavaScript number can hold: adding {@code 1e99999999} exactly
     * would write a hundred million digits.
     */
    private static Optional<BigDecimal> finite(String text) {
        if (!PropertyKind.isNumber(text)) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text.trim())).filter(NumberRanges::isFinite);
    }

    /** Adds the options of {@code added} to those of {@code current}, keeping order and dropping repeats. */
    static String append(String current, String added) {
        Set<String> options = new LinkedHashSet<>();
        for (String part : (current + ";" + added).split(";")) {
            if (!part.isBlank()) {
                options.add(part.trim());
            }
        }
        return String.join(";", options);
    }

    /** Sets the value, or fails without storing it when it would make the contact's email no address. */
    private static StepResult set(SingleConnectionAction action, ActionContext context, String property,
                                  String value) {
        Optional<String> badEmail = Contact.EMAIL.equals(property) && !value.isEmpty()
                ? EmailAddress.problem(value) : Optional.empty();
        if (badEmail.isPresent()) {
            return Results.failed(action, "did not set email: " + badEmail.get());
        }
        boolean changed = context.contact().setProperty(property, value, context.now());
        String what = value.isEmpty() ? "cleared " + property : "set " + property + " to \"" + value + "\"";
        return Results.succeeded(action, changed ? what : property + " already had that value");
    }
}
