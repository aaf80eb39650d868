package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a member of HubSpot's value union (reference 3.4) for the enrolled contact: a static value
 * (personalisation tokens replaced), a property of the contact, an earlier action's output, the execution
 * time or a time relative to it (both as epoch milliseconds).
 */
final class Values {

    private static final Set<String> RESOLVABLE =
            Set.of("STATIC_VALUE", "OBJECT_PROPERTY", "FIELD_DATA", "TIMESTAMP", "RELATIVE_DATETIME");

    private Values() {
    }

    static String typeOf(JsonNode value) {
        return value == null ? "" : value.path("type").asText("");
    }

    static boolean resolvable(JsonNode value) {
        return RESOLVABLE.contains(typeOf(value));
    }

    /** The value, or empty when it has none (an unset property, a missing output, an unknown member). */
    static Optional<String> resolve(JsonNode value, ActionContext context) {
        String resolved = switch (typeOf(value)) {
            case "STATIC_VALUE" -> context.fill(value.path("staticValue").asText(""));
            case "OBJECT_PROPERTY" -> context.contact().value(value.path("propertyName").asText()).orElse(null);
            case "FIELD_DATA" -> context.enrolment().outputs()
                    .getOrDefault(value.path("actionId").asText(), Map.of())
                    .get(value.path("dataKey").asText());
            case "TIMESTAMP" -> String.valueOf(context.now().toEpochMilli());
            case "RELATIVE_DATETIME" -> String.valueOf(
                    RelativeTime.from(value.path("timeDelay"), context.now(), context.timeZone()).toEpochMilli());
            default -> null;
        };
        return Optional.ofNullable(resolved).filter(v -> !v.isEmpty());
    }
}
