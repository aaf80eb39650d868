package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads an action's {@code fields}, which HubSpot sends as strings, numbers or arrays of either. */
final class Fields {

    private Fields() {
    }

    /** The field as text; "" when absent or null. */
    static String text(JsonNode fields, String name) {
        JsonNode value = fields == null ? null : fields.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }

    /** The first of {@code names} that has a value, as text; "" when none has. */
    static String firstText(JsonNode fields, String... names) {
        for (String name : names) {
            String value = text(fields, name);
            if (!value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    /** The field as a list of texts; a single value counts as a list of one. */
    static List<String> list(JsonNode fields, String name) {
        JsonNode value = fields == null ? null : fields.get(name);
        var items = new ArrayList<String>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(item -> {
                if (!item.isNull() && !item.asText().isBlank()) {
                    items.add(item.asText());
                }
            });
        } else if (!value.asText().isBlank()) {
            items.add(value.asText());
        }
        return items;
    }

    static JsonNode node(JsonNode fields, String name) {
        return fields == null ? null : fields.get(name);
    }
}
