package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.PropertySource;
import dev.flowline.engine.contact.PropertyValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads HubSpot property values, which are all strings. A value that does not parse reads as null, so a
 * malformed value matches no operator rather than failing the whole evaluation.
 */
final class PropertyValues {

    private static final int ISO_DATE_LENGTH = "2024-01-31".length();
    private static final int MAX_EPOCH_MILLIS_DIGITS = 18;

    private PropertyValues() {
    }

    static BigDecimal number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Boolean bool(String value) {
        if ("true".equalsIgnoreCase(value)) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(value) ? Boolean.FALSE : null;
    }

    /**
     * Epoch milliseconds, an ISO date (midnight UTC, as HubSpot stores date properties) or an ISO date-time
     * with an offset.
     */
    static Instant instant(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (isEpochMillis(value)) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            return value.length() == ISO_DATE_LENGTH
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isEpochMillis(String value) {
        int start = value.charAt(0) == '-' ? 1 : 0;
        if (value.length() == start || value.length() - start > MAX_EPOCH_MILLIS_DIGITS) {
            return false;
        }
        for (int at = start; at < value.length(); at++) {
            if (!Character.isDigit(value.charAt(at))) {
                return false;
            }
        }
        return true;
    }

    /** The options selected in a multi-value enumeration ({@code a;b;c}), trimmed, empty ones dropped. */
    static List<String> options(String value) {
        List<String> options = new ArrayList<>(4);
        int start = 0;
        while (start <= value.length()) {
            int end = value.indexOf(';', start);
            if (end < 0) {
                end = value.length();
            }
            String option = value.substring(start, end).trim();
            if (!option.isEmpty()) {
                options.add(option);
            }
            start = end + 1;
        }
        return options;
    }

    /** When the property last changed (set or cleared), or null when it never had a value. */
    static Instant updatedAt(PropertySource source, String property) {
        List<PropertyValue> history = source.history(property);
        return history.isEmpty() ? null : history.getLast().timestamp();
    }
}
