package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import static dev.flowline.engine.definition.Problems.quote;

/**
 * The values in an action's {@code fields} that the engine computes with: how long a delay waits and until
 * when, the relative times of a task's due date and of a {@code RELATIVE_DATETIME} value, and increments. Each
 * is within {@link NumberRanges}, so that whatever passes can be computed without overflowing or failing.
 */
final class FieldValuesCheck {

    private static final List<String> DELAY_UNITS = List.of("MINUTES", "HOURS", "DAYS", "WEEKS");
    /**
     * The units of a relative time ({@code due_time}, {@code timeDelay}): HubSpot names Java's {@code ChronoUnit}s
     * (reference 3.4), and a task's due date may count business days; it reaches as far as a delay waits.
     */
    private static final List<String> RELATIVE_UNITS = List.of("MILLIS", "SECONDS", "MINUTES", "HOURS", "HALF_DAYS",
            "DAYS", "BUSINESS_DAYS", "WEEKS", "MONTHS", "YEARS");
    private static final List<String> DATE_TYPES = List.of("STATIC_VALUE", "OBJECT_PROPERTY");
    /** The dates a delay may count from, as the wording says them. */
    static final String DELAY_DATES = "from " + NumberRanges.FIRST_DELAY_DATE + " to " + NumberRanges.LAST_DELAY_DATE
            + ", so that the longest delay from it ends by the year " + NumberRanges.LAST_YEAR;

    private final Problems problems;
    private final CalendarCheck calendar;

    FieldValuesCheck(Problems problems) {
        this.problems = problems;
        this.calendar = new CalendarCheck(problems);
    }

    /** {@code 0-1}: {@code delta} in {@code time_unit}, or {@code days_of_week} and {@code time_of_day}. */
    void delay(ObjectNode fields, Pointer at) {
        String unit = unit(fields, "time_unit", DELAY_UNITS, at);
        wholeNumber(fields, "delta", unit, false, at);
        calendar.dayNames(fields.get("days_of_week"), at.field("days_of_week"));
        calendar.time(fields.get("time_of_day"), at.field("time_of_day"));
    }

    /** {@code 0-35}: a {@code date}, moved by {@code delta} in {@code time_unit}, at {@code time_of_day}. */
    void delayUntilDate(ObjectNode fields, Pointer at) {
        JsonNode date = fields.get("date");
        if (date != null && !date.isNull()) {
            date(date, at.field("date"));
        }
        if (present(fields, "delta")) {
            problems.require(at, "time_unit", present(fields, "time_unit") ? fields.get("time_unit") : null);
        }
        String unit = unit(fields, "time_unit", DELAY_UNITS, at);
        wholeNumber(fields, "delta", unit, true, at);
        calendar.time(fields.get("time_of_day"), at.field("time_of_day"));
    }

    /** {@code 0-29}: how long to wait for the event, in minutes (0 or none: the engine's own longest wait). */
    void delayUntilEvent(ObjectNode fields, Pointer at) {
        wholeNumber(fields, "expiration_minutes", "MINUTES", false, at);
    }

    /**
     * A time relative to now ({@code due_time}, {@code timeDelay}): {@code delta} in {@code timeUnit} (days when
     * absent), {@code timeOfDay}, {@code daysOfWeek} and a {@code timeZoneStrategy.timeZoneId}.
     */
    void relativeTime(JsonNode time, Pointer at) {
        if (time == null || time.isNull()) {
            return;
        }
        if (!(time instanceof ObjectNode fields)) {
            problems.add(at, "this must be an object with a delta and a timeUnit");
            return;
        }
        String unit = present(fields, "timeUnit") ? unit(fields, "timeUnit", RELATIVE_UNITS, at) : "DAYS";
        wholeNumber(fields, "delta", unit, true, at);
        calendar.time(fields.get("timeOfDay"), at.field("timeOfDay"));
        calendar.dayNames(fields.get("daysOfWeek"), at.field("daysOfWeek"));
        JsonNode zone = fields.path("timeZoneStrategy").get("timeZoneId");
        if (zone != null && zone.isTextual() && !zone.asText().isBlank()) {
            calendar.zone(zone.asText(), at.field("timeZoneStrategy"), "timeZoneId");
        }
    }

    /**
     * A member of the value union ({@code 0-5}'s {@code value}, a webhook's query parameter, a value-equals branch's
     * input): the relative time of a {@code RELATIVE_DATETIME}, the amount of an {@code INCREMENT}, the property
     * an {@code OBJECT_PROPERTY} or {@code APPEND_OBJECT_PROPERTY} reads.
     */
    void unionValue(JsonNode value, Pointer at) {
        switch (value == null ? "" : value.path("type").asText()) {
            case "RELATIVE_DATETIME" -> relativeTime(value.get("timeDelay"), at.field("timeDelay"));
            case "OBJECT_PROPERTY" -> propertyName(value, "propertyName", at);
            case "APPEND_OBJECT_PROPERTY" -> propertyName(value, "appendPropertyName", at);
            case "INCREMENT" -> {
                JsonNode amount = value.get("incrementAmount");
                BigDecimal number = amount == null || amount.isNull() ? null : number(amount);
                if (amount != null && !amount.isNull() && (number == null || !NumberRanges.isFinite(number))) {
                    problems.add(at.field("incrementAmount"), "incrementAmount " + quote(amount.asText())
                            + " must be a number a JavaScript number can hold (at most about 1.8e308 either way)");
                }
            }
            default -> {
                // other values are copied as text
            }
        }
    }

    /** A date of {@code 0-35}: a static one the engine can read, leaving room for the delay, or a property. */
    private void date(JsonNode date, Pointer at) {
        if (!date.isObject()) {
            problems.add(at, "this must be an object with a type, STATIC_VALUE or OBJECT_PROPERTY");
            return;
        }
        String type = date.path("type").isTextual() ? date.get("type").asText() : null;
        if (!problems.oneOf(at, "type", type, DATE_TYPES)) {
            return;
        }
        String field = "STATIC_VALUE".equals(type) ? "staticValue" : "propertyName";
        JsonNode value = date.get(field);
        if (!problems.require(at, field, value == null || value.isNull() ? null : value)) {
            return;
        }
        if ("STATIC_VALUE".equals(type) && !isDelayDate(value.asText().trim())) {
            problems.add(at.field(field), field + " " + quote(value.asText()) + " must be a date " + DELAY_DATES
                    + ": epoch milliseconds, an ISO date or an ISO date-time");
        } else if ("OBJECT_PROPERTY".equals(type)) {
            problems.propertyName(at.field(field), value.asText());
        }
    }

    /**
     * Whether the engine reads the text as a date (timing.DateValues: epoch milliseconds, ISO date or date-time)
     * that leaves room for the delay.
     */
    private static boolean isDelayDate(String text) {
        try {
            Instant instant = text.matches("-?\\d+") ? Instant.ofEpochMilli(Long.parseLong(text))
                    : text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
            return NumberRanges.leavesRoomToWait(instant);
        } catch (DateTimeException | NumberFormatException notADate) {
            return false;
        }
    }

    /** {@code key} of {@code fields}, when present: a property name ({@code property_name}). */
    void propertyName(JsonNode fields, String key, Pointer at) {
        JsonNode name = fields.get(key);
        if (name != null && !name.isNull()) {
            problems.propertyName(at.field(key), text(name));
        }
    }

    /** {@code key} of {@code fields}, when present: a property name or a list of them ({@code owner_properties}). */
    void propertyNames(JsonNode fields, String key, Pointer at) {
        each(fields, key, at, problems::propertyName);
    }

    /** {@code key} of {@code fields}, when present: an email address or a list of them ({@code recipient_emails}). */
    void emailAddresses(JsonNode fields, String key, Pointer at) {
        each(fields, key, at, problems::emailAddress);
    }

    /** Hands each text of {@code key} (one, or each element of an array) to {@code check} with its pointer. */
    private static void each(JsonNode fields, String key, Pointer at, BiConsumer<Pointer, String> check) {
        JsonNode value = fields.get(key);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            check.accept(at.field(key), text(value));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            check.accept(at.field(key).index(i), text(value.get(i)));
        }
    }

    /** A scalar's text; null for JSON null, an object or an array. */
    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    /** The unit named by {@code key} when it is one of {@code units} (else reported), or null when absent. */
    private String unit(ObjectNode fields, String key, List<String> units, Pointer at) {
        if (!present(fields, key)) {
            return null;
        }
        String unit = fields.get(key).asText();
        return problems.oneOf(at, key, unit, units) ? unit : null;
    }

    /**
     * Reports {@code key} unless it is a whole number, not negative unless {@code signed}, and in {@code unit}
     * (when known) no longer than {@link NumberRanges#LONGEST_WAIT}.
     */
    private void wholeNumber(ObjectNode fields, String key, String unit, boolean signed, Pointer at) {
        if (!present(fields, key)) {
            return;
        }
        JsonNode node = fields.get(key);
        BigDecimal number = number(node);
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            problems.add(at.field(key), key + " " + quote(node.asText()) + " must be a whole number");
        } else if (!signed && number.signum() < 0) {
            problems.add(at.field(key), key + " " + quote(node.asText()) + " must not be negative");
        } else if (unit != null) {
            // Five business days a week: as many as the whole weeks of the longest wait hold.
            long largest = "BUSINESS_DAYS".equals(unit)
                    ? 5 * NumberRanges.largest(ChronoUnit.WEEKS, NumberRanges.LONGEST_WAIT)
                    : NumberRanges.largest(ChronoUnit.valueOf(unit.toUpperCase(Locale.ROOT)), NumberRanges.LONGEST_WAIT);
            if (number.abs().compareTo(BigDecimal.valueOf(largest)) > 0) {
                problems.add(at.field(key), key + " " + quote(node.asText()) + " must be "
                        + (signed ? "between -" + largest + " and " : "at most ") + largest + " " + unit
                        + ": Flowline waits at most " + NumberRanges.LONGEST_WAIT.toDays() + " days");
            }
        }
    }

    /** The number a field holds, as a JSON number or a string (HubSpot sends both), or null when it is none. */
    private static BigDecimal number(JsonNode node) {
        try {
            return node.isNumber() ? node.decimalValue()
                    : node.isTextual() ? new BigDecimal(node.asText().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean present(ObjectNode fields, String key) {
        JsonNode value = fields.get(key);
        return value != null && !value.isNull();
    }
}
