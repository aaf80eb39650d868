package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.time.Month;
import java.util.Locale;
import java.util.Map;

/** Before, after or on a calendar day. */
public record DateOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet,
                            Integer year, JsonNode month, Integer day,
                            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public DateOperation {
        extras = Extras.orEmpty(extras);
    }

    /**
     * The month as 1–12, or null when absent or unreadable. HubSpot's spec types it as a string without
     * publishing its format, so both a number ("2") and a month name ("FEBRUARY") are read.
     */
    public Integer monthNumber() {
        if (month == null || !month.isValueNode() || month.asText().isBlank()) {
            return null;
        }
        String text = month.asText().trim();
        try {
            int number = Integer.parseInt(text);
            return number >= 1 && number <= 12 ? number : null;
        } catch (NumberFormatException notANumber) {
            try {
                return Month.valueOf(text.toUpperCase(Locale.ROOT)).getValue();
            } catch (IllegalArgumentException notAName) {
                return null;
            }
        }
    }
}
