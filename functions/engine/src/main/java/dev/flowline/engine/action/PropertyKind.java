package dev.flowline.engine.action;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The kind of a property, as far as copying cares (reference 3.2): text, number or date. Contacts carry no
 * property definitions, so the kind is inferred from a value: an ISO date or date-time is a date, a decimal
 * number is a number (epoch-millisecond dates therefore read as numbers), anything else is text.
 */
enum PropertyKind {
    TEXT, NUMBER, DATE;

    static PropertyKind of(String value) {
        if (isNumber(value)) {
            return NUMBER;
        }
        return isIsoDate(value) ? DATE : TEXT;
    }

    /** Text to text; number to text or number; date to date (HubSpot's date and date-time both read as DATE). */
    boolean copiesInto(PropertyKind target) {
        return switch (this) {
            case TEXT -> target == TEXT;
            case NUMBER -> target == TEXT || target == NUMBER;
            case DATE -> target == DATE;
        };
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static boolean isNumber(String value) {
        try {
            new BigDecimal(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isIsoDate(String value) {
        return parses(() -> LocalDate.parse(value)) || parses(() -> OffsetDateTime.parse(value))
                || parses(() -> Instant.parse(value));
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
