package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoField;
import java.time.temporal.ValueRange;
import java.util.ArrayList;
import java.util.List;

import static dev.flowline.engine.definition.Problems.quote;

/**
 * The calendar values of a definition, wherever they sit: times of day, day and month names, dates that must
 * exist, years, epoch-millisecond instants and time zones, each within the range the engine computes with
 * ({@link NumberRanges}).
 */
final class CalendarCheck {

    static final List<String> DAYS = List.of(
            "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    static final List<String> MONTHS = List.of("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
            "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER");
    /** A leap year, so that a date without a year may be 29 February. */
    private static final int ANY_LEAP_YEAR = 2000;

    private final Problems problems;

    CalendarCheck(Problems problems) {
        this.problems = problems;
    }

    /** A required {@code {hour, minute}}; returns the time, or null when it is absent or out of range (reported). */
    LocalTime time(TimeOfDay time, Pointer at) {
        if (time == null) {
            return null;
        }
        boolean hour = problems.require(at, "hour", time.hour())
                && field(time.hour(), ChronoField.HOUR_OF_DAY, at, "hour");
        boolean minute = problems.require(at, "minute", time.minute())
                && field(time.minute(), ChronoField.MINUTE_OF_HOUR, at, "minute");
        return hour && minute ? LocalTime.of(time.hour(), time.minute()) : null;
    }

    /** An action's {@code time_of_day}: an object whose {@code hour} and {@code minute}, when there, are in range. */
    void time(JsonNode time, Pointer at) {
        if (time == null || time.isNull()) {
            return;
        }
        if (!time.isObject()) {
            problems.add(at, "this must be an object with an hour and a minute");
            return;
        }
        wholeField(time, "hour", ChronoField.HOUR_OF_DAY, at);
        wholeField(time, "minute", ChronoField.MINUTE_OF_HOUR, at);
    }

    /** A JSON array of day names, such as {@code ["MONDAY"]}. */
    void dayNames(JsonNode days, Pointer at) {
        if (days == null || days.isNull()) {
            return;
        }
        if (!days.isArray()) {
            problems.add(at, "this must be a list of days, such as [\"MONDAY\"]");
            return;
        }
        var names = new ArrayList<String>();
        days.forEach(day -> names.add(day.isTextual() ? day.asText() : null));
        dayNames(names, at);
    }

    void dayNames(List<String> days, Pointer at) {
        for (int i = 0; i < (days == null ? 0 : days.size()); i++) {
            String day = days.get(i);
            if (!DAYS.contains(day)) {
                problems.add(at.index(i), "day " + quote(day) + " must be one of " + String.join(", ", DAYS));
            }
        }
    }

    /**
     * A date named by month (HubSpot's English name), day and optional year; without a year it recurs, so
     * 29 February is allowed. Reports under {@code at}'s fields {@code monthField}, {@code dayField} and {@code year};
     * returns whether the date exists.
     */
    boolean namedDate(Pointer at, String monthField, String month, String dayField, Integer day, Integer year) {
        boolean known = problems.oneOf(at, monthField, month, MONTHS);
        return problems.require(at, dayField, day) && known && year(year, at, "year")
                && date(at, dayField, year, Month.valueOf(month).getValue(), day);
    }

    /** Reports {@code dayField} when the day does not exist in the month (of {@code year}, if given). */
    boolean date(Pointer at, String dayField, Integer year, int month, int day) {
        try {
            LocalDate.of(year != null ? year : ANY_LEAP_YEAR, month, day);
            return true;
        } catch (DateTimeException noSuchDay) {
            problems.add(at.field(dayField), dayField + " " + day + " does not exist in "
                    + Month.of(month) + (year != null ? " " + year : ""));
            return false;
        }
    }

    /** A year, when given, between {@link NumberRanges#FIRST_YEAR} and {@link NumberRanges#LAST_YEAR}. */
    boolean year(Integer year, Pointer at, String field) {
        return year == null || range(year, NumberRanges.FIRST_YEAR, NumberRanges.LAST_YEAR, at, field);
    }

    /** Epoch milliseconds, when given, that fall in the years of {@link NumberRanges}. */
    void instant(Long millis, Pointer at, String field) {
        if (millis != null && !NumberRanges.isInYears(Instant.ofEpochMilli(millis))) {
            problems.add(at.field(field), field + " " + millis + " must be a time in the years "
                    + NumberRanges.FIRST_YEAR + " to " + NumberRanges.LAST_YEAR + " (epoch milliseconds)");
        }
    }

    /** A time zone id, when given, such as {@code Europe/Paris}. */
    void zone(String zoneId, Pointer at, String field) {
        if (zoneId == null) {
            return;
        }
        try {
            ZoneId.of(zoneId);
        } catch (DateTimeException unknown) {
            problems.add(at.field(field), field + " " + quote(zoneId)
                    + " is not a time zone, such as \"Europe/Paris\"");
        }
    }

    /** Reports {@code field} when {@code value} is outside {@code min..max}; returns whether it is inside. */
    boolean range(long value, long min, long max, Pointer at, String field) {
        if (value < min || value > max) {
            problems.add(at.field(field), field + " " + value + " must be between " + min + " and " + max);
            return false;
        }
        return true;
    }

    boolean field(long value, ChronoField field, Pointer at, String name) {
        ValueRange range = field.range();
        return range(value, range.getMinimum(), range.getMaximum(), at, name);
    }

    /** A whole JSON number within the field's range, when the key is there. */
    private void wholeField(JsonNode object, String key, ChronoField field, Pointer at) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(at.field(key), key + " " + quote(value.asText()) + " must be a whole number");
            return;
        }
        field(value.asInt(), field, at, key);
    }
}
