package dev.flowline.engine.definition;

import dev.flowline.engine.criteria.DateTimePoint;
import dev.flowline.engine.criteria.IndexReference;
import dev.flowline.engine.criteria.IndexedTimePoint;
import dev.flowline.engine.criteria.PropertyReferencedTimePoint;
import dev.flowline.engine.criteria.TimeOffset;
import dev.flowline.engine.criteria.TimePoint;
import dev.flowline.engine.criteria.UnknownTimePoint;

import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalUnit;
import java.util.List;

/**
 * The time points of {@code TIME_POINT} and {@code TIME_RANGED} operations (reference 5.3): what the evaluator
 * resolves them with, in range, so that resolving one never fails. An offset reaches at most
 * {@link NumberRanges#FILTER_REACH} in each of its units.
 */
final class TimePointCheck {

    private static final List<String> INDEX_REFERENCES = List.of("NOW", "TODAY", "WEEK", "MONTH", "QUARTER", "YEAR",
            "FISCAL_QUARTER", "FISCAL_YEAR");
    /** The references that fall on a month and day (January when no month is given), in any year. */
    private static final List<String> MONTH_DAY_REFERENCES = List.of("YEAR", "FISCAL_QUARTER", "FISCAL_YEAR");
    private static final List<String> PROPERTY_REFERENCES = List.of("VALUE", "UPDATED_AT", "ANNIVERSARY",
            "VALUE_WITH_ZONE_SAME_LOCAL_CONVERSION", "ANNIVERSARY_WITH_ZONE_SAME_LOCAL_CONVERSION");
    private static final List<String> PROPERTY_PARSERS = List.of("VALUE", "UPDATED_AT");

    private final Problems problems;
    private final CalendarCheck calendar;

    TimePointCheck(Problems problems) {
        this.problems = problems;
        this.calendar = new CalendarCheck(problems);
    }

    void check(TimePoint point, Pointer parent, String field) {
        Pointer at = parent.field(field);
        switch (point) {
            case null -> problems.require(parent, field, null);
            case IndexedTimePoint p -> {
                if (problems.require(at, "indexReference", p.indexReference())) {
                    reference(p.indexReference(), at.field("indexReference"));
                }
                if (p.offset() != null) {
                    offset(p.offset(), at.field("offset"));
                }
                calendar.zone(p.zoneId(), at, "zoneId");
            }
            case DateTimePoint p -> {
                boolean year = problems.require(at, "year", p.year()) && calendar.year(p.year(), at, "year");
                boolean month = problems.require(at, "month", p.month())
                        && calendar.field(p.month(), ChronoField.MONTH_OF_YEAR, at, "month");
                if (problems.require(at, "day", p.day()) && year && month) {
                    calendar.date(at, "day", p.year(), p.month(), p.day());
                }
                time(p.hour(), p.minute(), p.second(), p.millisecond(), at);
                calendar.zone(p.zoneId(), at, "zoneId");
            }
            case PropertyReferencedTimePoint p -> {
                problems.propertyName(at, "property", p.property());
                problems.oneOf(at, "referenceType", p.referenceType(), PROPERTY_REFERENCES);
                calendar.zone(p.zoneId(), at, "zoneId");
            }
            case UnknownTimePoint p -> problems.notEvaluated(at, "timeType", p.kind(), "time point type");
        }
    }

    /** The {@code propertyParser} of an operation, when given. */
    void parser(String propertyParser, Pointer at) {
        if (propertyParser != null) {
            problems.oneOf(at, "propertyParser", propertyParser, PROPERTY_PARSERS);
        }
    }

    private void reference(IndexReference reference, Pointer at) {
        problems.oneOf(at, "referenceType", reference.referenceType(), INDEX_REFERENCES);
        time(reference.hour(), reference.minute(), reference.second(), reference.millisecond(), at);
        if (reference.dayOfWeek() != null) {
            problems.oneOf(at, "dayOfWeek", reference.dayOfWeek(), CalendarCheck.DAYS);
        }
        boolean month = reference.month() == null
                || calendar.field(reference.month(), ChronoField.MONTH_OF_YEAR, at, "month");
        boolean day = reference.day() == null || calendar.range(reference.day(), 1, 31, at, "day");
        if (month && day && reference.day() != null && MONTH_DAY_REFERENCES.contains(reference.referenceType())) {
            calendar.date(at, "day", null, reference.month() == null ? 1 : reference.month(), reference.day());
        }
    }

    private void time(Integer hour, Integer minute, Integer second, Integer millisecond, Pointer at) {
        optional(hour, ChronoField.HOUR_OF_DAY, at, "hour");
        optional(minute, ChronoField.MINUTE_OF_HOUR, at, "minute");
        optional(second, ChronoField.SECOND_OF_MINUTE, at, "second");
        optional(millisecond, ChronoField.MILLI_OF_SECOND, at, "millisecond");
    }

    private void optional(Integer value, ChronoField field, Pointer at, String name) {
        if (value != null) {
            calendar.field(value, field, at, name);
        }
    }

    private void offset(TimeOffset offset, Pointer at) {
        reach(offset.years(), ChronoUnit.YEARS, at, "years");
        reach(offset.quarters(), IsoFields.QUARTER_YEARS, at, "quarters");
        reach(offset.months(), ChronoUnit.MONTHS, at, "months");
        reach(offset.weeks(), ChronoUnit.WEEKS, at, "weeks");
        reach(offset.days(), ChronoUnit.DAYS, at, "days");
        reach(offset.hours(), ChronoUnit.HOURS, at, "hours");
        reach(offset.minutes(), ChronoUnit.MINUTES, at, "minutes");
        // seconds and milliseconds, being 32-bit, cannot reach past a hundred years
    }

    private void reach(Integer amount, TemporalUnit unit, Pointer at, String field) {
        if (amount != null) {
            long most = NumberRanges.largest(unit, NumberRanges.FILTER_REACH);
            calendar.range(amount, -most, most, at, field);
        }
    }
}
