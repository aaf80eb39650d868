package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.EmailAddress;
import dev.flowline.engine.contact.PropertyName;
import dev.flowline.engine.definition.NumberRanges;
import dev.flowline.engine.definition.SingleConnectionAction;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Set property value ({@code 0-5}): {@code property_name} takes {@code value}, a member of the value union.
 * Copy ({@code OBJECT_PROPERTY}) follows HubSpot's compatible-kinds rules, increment adds to the current
 * number (an empty one counts as 0), the two append members add ';'-separated options without duplicates,
 * and an empty {@code STATIC_VALUE} clears the property. A value that is no email address fails to be set as
 * {@code email}, with the reason, and the contact goes on. Setting the property of associated records (a non-empty
 * {@code association}) and copying from a fetched object are skipped with the reason: the contact's own property is
 * never written in their place.
 */
final class SetPropertyAction implements ActionHandler<SingleConnectionAction> {

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
        if (association != null && association.isObject() && !association.isEmpty()) {
            return Results.skipped(action, "not set: " + property + " is to be set on the contact's associated "
                    + "records (association type " + association.path("associationTypeId").asText("?")
                    + "), and Flowline holds no associations yet; the contact's own property is left as it is");
        }
        Contact contact = context.contact();
        String current = contact.value(property).orElse("");
        String type = Values.typeOf(value);
        return switch (type) {
            case "FETCHED_OBJECT_PROPERTY" -> Results.skipped(action, "not set: " + property + " is to be copied from "
                    + "a fetched object (" + value.path("propertyToken").asText("") + "), and Flowline does not "
                    + "fetch the flow's data sources yet");
            case "INCREMENT" -> increment(action, context, property, current, value.path("incrementAmount").asText("0"));
            case "APPEND_OBJECT_PROPERTY" -> set(action, context, property, append(current,
                    contact.value(value.path("appendPropertyName").asText()).orElse("")));
            case "STATIC_APPEND_VALUE" -> set(action, context, property,
                    append(current, value.path("staticAppendValue").asText("")));
            case "OBJECT_PROPERTY" -> copy(action, context, property, current, value.path("propertyName").asText());
            default -> Values.resolvable(value)
                    ? set(action, context, property, Values.resolve(value, context).orElse(""))
                    : Results.failed(action, "values of type " + type + " are not supported");
        };
    }

    private static StepResult copy(SingleConnectionAction action, ActionContext context, String target,
                                   String current, String source) {
        Optional<String> value = context.contact().value(source);
        if (value.isPresent() && !current.isEmpty()) {
            PropertyKind from = PropertyKind.of(value.get());
            PropertyKind to = PropertyKind.of(current);
            if (!from.copiesInto(to)) {
                return Results.failed(action, "cannot copy the " + from.label() + " value of " + source
                        + " into the " + to.label() + " property " + target);
            }
        }
        return set(action, context, target, value.orElse(""));
    }

    private static StepResult increment(SingleConnectionAction action, ActionContext context, String property,
                                        String current, String amount) {
        Optional<BigDecimal> by = finite(amount);
        if (by.isEmpty()) {
            return Results.failed(action, "the increment amount \"" + amount + "\" is not a number");
        }
        Optional<BigDecimal> start = current.isEmpty() ? Optional.of(BigDecimal.ZERO) : finite(current);
        if (start.isEmpty()) {
            return Results.failed(action, "cannot increment " + property + ": its value \"" + current
                    + "\" is not a number");
        }
        return set(action, context, property, start.get().add(by.get()).stripTrailingZeros().toPlainString());
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
