package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.json.InvalidJsonException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.flowline.engine.definition.Problems.quote;

/**
 * The {@code fields} of a {@code SINGLE_CONNECTION} action: those its built-in type needs (see {@link ActionType}),
 * and the values Flowline must be able to act on, such as delays ({@link FieldValuesCheck}).
 */
final class ActionFieldsCheck {

    private static final Pattern ACTION_TYPE_ID = Pattern.compile("\\d+-\\d+");

    private final Problems problems;
    private final FilterCheck filters;
    private final FieldValuesCheck values;
    private final boolean dateCentred;

    /** @param dateCentred whether the flow has an event anchor: its 0-35 delays may then count from the anchor */
    ActionFieldsCheck(Problems problems, FilterCheck filters, boolean dateCentred) {
        this.problems = problems;
        this.filters = filters;
        this.values = new FieldValuesCheck(problems);
        this.dateCentred = dateCentred;
    }

    void check(SingleConnectionAction action, Pointer at) {
        String id = action.actionTypeId();
        if (!problems.require(at, "actionTypeId", id)) {
            return;
        }
        ObjectNode fields = action.fields() != null ? action.fields() : FlowlineJson.mapper().createObjectNode();
        Pointer fieldsAt = at.field("fields");
        Optional<ActionType> type = ActionType.of(id);
        boolean anchoredDelay = dateCentred && type.filter(ActionType.DELAY_UNTIL_DATE::equals).isPresent();
        type.filter(known -> !anchoredDelay).ifPresentOrElse(known -> required(known, fields, fieldsAt), () -> {
            if (!ACTION_TYPE_ID.matcher(id).matches()) {
                problems.add(at.field("actionTypeId"),
                        "actionTypeId " + quote(id) + " must be two numbers joined by a dash, like \"0-5\"");
            }
        });
        switch (type.orElse(null)) {
            case DELAY -> values.delay(fields, fieldsAt);
            case DELAY_UNTIL_DATE -> values.delayUntilDate(fields, fieldsAt);
            case DELAY_UNTIL_EVENT -> {
                values.delayUntilEvent(fields, fieldsAt);
                eventBranches(fields.get("event_filter_branches"), fieldsAt.field("event_filter_branches"));
            }
            case CREATE_TASK -> values.relativeTime(fields.get("due_time"), fieldsAt.field("due_time"));
            case SET_PROPERTY -> {
                values.propertyName(fields, "property_name", fieldsAt);
                values.unionValue(fields.get("value"), fieldsAt.field("value"));
            }
            case INTERNAL_EMAIL -> values.propertyNames(fields, "owner_properties", fieldsAt);
            case ROTATE_OWNER -> values.propertyName(fields, "target_property", fieldsAt);
            case CREATE_RECORD -> {
                JsonNode properties = fields.path("properties");
                for (int i = 0; properties.isArray() && i < properties.size(); i++) {
                    values.propertyName(properties.get(i), "targetProperty", fieldsAt.field("properties").index(i));
                }
            }
            case EMAIL_TO_ADDRESSES -> values.emailAddresses(fields, "recipient_emails", fieldsAt);
            case null, default -> {
            }
        }
    }

    /** Reports the keys missing from the form the fields come closest to, naming the other forms' keys. */
    private void required(ActionType type, ObjectNode fields, Pointer at) {
        List<String> closest = type.forms().stream()
                .max(Comparator.comparingLong(form -> form.stream().filter(key -> present(fields, key)).count()))
                .orElseThrow();
        String others = type.forms().stream()
                .filter(form -> form != closest)
                .map(form -> form.stream().filter(key -> !closest.contains(key)).collect(Collectors.joining(" and ")))
                .collect(Collectors.joining(" or "));
        for (String key : closest) {
            if (!present(fields, key)) {
                problems.add(at.field(key), key + " is required by action type " + type.id() + " ("
                        + type.description() + ")" + (others.isEmpty() ? "" : ", unless fields hold " + others));
            }
        }
    }

    private void eventBranches(JsonNode branches, Pointer at) {
        if (branches == null || branches.isNull()) {
            return;
        }
        FilterBranch[] read;
        try {
            read = FlowlineJson.read(branches, FilterBranch[].class);
        } catch (InvalidJsonException e) {
            problems.add(at.append(e.pointer()), "this is not a list of filter branches: " + e.getMessage());
            return;
        }
        problems.each(Arrays.asList(read), at, filters::eventBranch);
    }

    private static boolean present(ObjectNode fields, String key) {
        JsonNode value = fields.get(key);
        return value != null && !value.isNull();
    }
}
