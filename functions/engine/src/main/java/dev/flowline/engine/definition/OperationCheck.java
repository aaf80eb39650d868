package dev.flowline.engine.definition;

import dev.flowline.engine.criteria.AllPropertyOperation;
import dev.flowline.engine.criteria.BoolOperation;
import dev.flowline.engine.criteria.CalendarDateOperation;
import dev.flowline.engine.criteria.ComparativeOperation;
import dev.flowline.engine.criteria.DateOperation;
import dev.flowline.engine.criteria.DateTimeOperation;
import dev.flowline.engine.criteria.EnumerationOperation;
import dev.flowline.engine.criteria.MultiStringOperation;
import dev.flowline.engine.criteria.NumberOperation;
import dev.flowline.engine.criteria.NumberRangedOperation;
import dev.flowline.engine.criteria.OperationTypes;
import dev.flowline.engine.criteria.PropertyOperation;
import dev.flowline.engine.criteria.RangedDateOperation;
import dev.flowline.engine.criteria.RollingDateRangeOperation;
import dev.flowline.engine.criteria.RollingPropertyUpdatedOperation;
import dev.flowline.engine.criteria.StringOperation;
import dev.flowline.engine.criteria.TimePointOperation;
import dev.flowline.engine.criteria.TimeRangedOperation;
import dev.flowline.engine.criteria.UnknownOperation;

import java.math.BigDecimal;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalUnit;
import java.util.List;
import java.util.Locale;

import static dev.flowline.engine.definition.Problems.quote;

/**
 * A property operation: an operator of its type, and the value fields that type needs (reference section 5.3),
 * each in the range the evaluator computes with ({@link NumberRanges}).
 */
final class OperationCheck {

    private static final List<String> CALENDAR_UNITS = List.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR");

    private final Problems problems;
    private final CalendarCheck calendar;
    private final TimePointCheck timePoints;

    OperationCheck(Problems problems) {
        this.problems = problems;
        this.calendar = new CalendarCheck(problems);
        this.timePoints = new TimePointCheck(problems);
    }

    void check(PropertyOperation operation, Pointer at) {
        String type = switch (operation) {
            case UnknownOperation o -> {
                String field = o.raw().has("type") && !o.raw().has("operationType") ? "type" : "operationType";
                problems.notEvaluated(at, field, o.kind(), "operation type");
                yield null;
            }
            case AllPropertyOperation o -> o.operationType();
            case BoolOperation o -> require(at, o.operationType(), "value", o.value());
            case NumberOperation o -> {
                finite(o.value(), at, "value");
                yield require(at, o.operationType(), "value", o.value());
            }
            case StringOperation o -> require(at, o.operationType(), "value", o.value());
            case MultiStringOperation o -> require(at, o.operationType(), "values", o.values());
            case EnumerationOperation o -> require(at, o.operationType(), "values", o.values());
            case DateTimeOperation o -> {
                calendar.instant(o.timestamp(), at, "timestamp");
                yield require(at, o.operationType(), "timestamp", o.timestamp());
            }
            case NumberRangedOperation o -> {
                finite(o.lowerBound(), at, "lowerBound");
                finite(o.upperBound(), at, "upperBound");
                yield require(at, o.operationType(), "lowerBound", o.lowerBound(), "upperBound", o.upperBound());
            }
            case RangedDateOperation o -> {
                calendar.instant(o.lowerBound(), at, "lowerBound");
                calendar.instant(o.upperBound(), at, "upperBound");
                yield require(at, o.operationType(), "lowerBound", o.lowerBound(), "upperBound", o.upperBound());
            }
            case DateOperation o -> {
                date(o, at);
                yield o.operationType();
            }
            case RollingDateRangeOperation o -> {
                days(o.numberOfDays(), at);
                yield require(at, o.operationType(), "numberOfDays", o.numberOfDays());
            }
            case RollingPropertyUpdatedOperation o -> {
                days(o.numberOfDays(), at);
                yield require(at, o.operationType(), "numberOfDays", o.numberOfDays());
            }
            case ComparativeOperation o -> {
                problems.propertyName(at, "comparisonPropertyName", o.comparisonPropertyName());
                yield o.operationType();
            }
            case CalendarDateOperation o -> {
                if (problems.oneOf(at, "timeUnit", o.timeUnit(), CALENDAR_UNITS) && o.timeUnitCount() != null) {
                    long most = NumberRanges.largest(unitOf(o.timeUnit()), NumberRanges.FILTER_REACH);
                    calendar.range(o.timeUnitCount(), 0, most, at, "timeUnitCount");
                }
                fiscalYearStart(o, at);
                yield o.operationType();
            }
            case TimePointOperation o -> {
                timePoints.check(o.timePoint(), at, "timePoint");
                timePoints.parser(o.propertyParser(), at);
                yield o.operationType() != null ? o.operationType() : o.type();
            }
            case TimeRangedOperation o -> {
                timePoints.check(o.lowerBoundTimePoint(), at, "lowerBoundTimePoint");
                timePoints.check(o.upperBoundTimePoint(), at, "upperBoundTimePoint");
                timePoints.parser(o.propertyParser(), at);
                yield o.operationType() != null ? o.operationType() : o.type();
            }
        };
        if (type != null && problems.require(at, "operator", operation.operator())
                && !OperationTypes.operators(type).map(ops -> ops.contains(operation.operator())).orElse(true)) {
            problems.add(at.field("operator"), "operator " + quote(operation.operator())
                    + " does not belong to operation type " + type);
        }
    }

    /** A fiscal year starts on the first of a month, named in English (case does not matter). */
    private void fiscalYearStart(CalendarDateOperation o, Pointer at) {
        if (!Boolean.TRUE.equals(o.useFiscalYear()) || o.fiscalYearStart() == null) {
            return;
        }
        try {
            Month.valueOf(o.fiscalYearStart().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(at.field("fiscalYearStart"), "fiscalYearStart " + quote(o.fiscalYearStart())
                    + " must be the name of a month");
        }
    }

    /** Reports each missing value field, given as name/value pairs; returns the operation type. */
    private String require(Pointer at, String type, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            problems.require(at, (String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return type;
    }

    /** The time unit a CALENDAR_DATE count is measured in. */
    private static TemporalUnit unitOf(String calendarUnit) {
        return switch (calendarUnit) {
            case "DAY" -> ChronoUnit.DAYS;
            case "WEEK" -> ChronoUnit.WEEKS;
            case "MONTH" -> ChronoUnit.MONTHS;
            case "QUARTER" -> IsoFields.QUARTER_YEARS;
            default -> ChronoUnit.YEARS;
        };
    }

    /** A number HubSpot can hold: finite as a JavaScript number. */
    private void finite(BigDecimal number, Pointer at, String field) {
        if (number != null && !NumberRanges.isFinite(number)) {
            problems.add(at.field(field), field + " " + number + " must be a number a JavaScript number can hold"
                    + " (at most about 1.8e308 either way)");
        }
    }

    /** A rolling range: at most {@link NumberRanges#FILTER_REACH} back or ahead. */
    private void days(Integer numberOfDays, Pointer at) {
        if (numberOfDays != null) {
            calendar.range(numberOfDays, 0, NumberRanges.largest(ChronoUnit.DAYS, NumberRanges.FILTER_REACH), at,
                    "numberOfDays");
        }
    }

    /** A calendar day: a year of {@link NumberRanges}, a month 1–12 or its name, a day of that month. */
    private void date(DateOperation o, Pointer at) {
        boolean year = problems.require(at, "year", o.year()) && calendar.year(o.year(), at, "year");
        boolean month = problems.require(at, "month", o.month() == null || o.month().isNull() ? null : o.month());
        if (month && o.monthNumber() == null) {
            problems.add(at.field("month"), "month " + quote(o.month().asText())
                    + " must be a number from 1 to 12 or the name of a month");
            month = false;
        }
        if (problems.require(at, "day", o.day()) && year && month) {
            calendar.date(at, "day", o.year(), o.monthNumber(), o.day());
        }
    }
}
