package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.PropertySource;
import dev.flowline.engine.contact.PropertyValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Evaluates one property operation against a property of a contact or of an event.
 *
 * <p>A record without a value fails every operator that looks at the current value, negative ones included
 * ("is not equal to X" leaves out records with no value, as in HubSpot), unless the operation sets
 * {@code includeObjectsWithNoValueSet}. The {@code HAS_EVER_*} and {@code HAS_NEVER_*} operators look at every
 * version of the property instead, so a record that never had a value "has never been" anything.
 */
public final class PropertyOperations {

    private PropertyOperations() {
    }

    public static boolean matches(PropertySource source, String property, PropertyOperation operation,
                                  EvaluationContext context) {
        String value = source.value(property).orElse(null);
        Subject subject = new Subject(source, property, value);
        boolean matches = switch (operation) {
            case AllPropertyOperation op -> allProperty(operator("ALL_PROPERTY", op), value);
            case BoolOperation op -> bool(operator("BOOL", op), required(op.value(), "BOOL", "value"), subject);
            case NumberOperation op -> number(operator("NUMBER", op), required(op.value(), "NUMBER", "value"), subject);
            case NumberRangedOperation op -> ranged(operator("NUMBER_RANGED", op), PropertyValues.number(value),
                    required(op.lowerBound(), "NUMBER_RANGED", "lowerBound"),
                    required(op.upperBound(), "NUMBER_RANGED", "upperBound"));
            case StringOperation op -> string(operator("STRING", op), required(op.value(), "STRING", "value"), subject);
            case MultiStringOperation op ->
                    text(operator("MULTISTRING", op), value, required(op.values(), "MULTISTRING", "values"));
            case EnumerationOperation op ->
                    enumeration(operator("ENUMERATION", op), required(op.values(), "ENUMERATION", "values"), subject);
            case DateTimeOperation op -> dateTime(op, value, context);
            case RangedDateOperation op -> ranged(operator("RANGED_DATE", op), PropertyValues.instant(value),
                    Instant.ofEpochMilli(required(op.lowerBound(), "RANGED_DATE", "lowerBound")),
                    Instant.ofEpochMilli(required(op.upperBound(), "RANGED_DATE", "upperBound")));
            case DateOperation op -> date(op, value);
            case RollingDateRangeOperation op -> rollingDateRange(op, value, context);
            case RollingPropertyUpdatedOperation op -> rollingPropertyUpdated(op, subject, context);
            case ComparativeOperation op -> comparative(op, subject);
            case CalendarDateOperation op -> calendarDate(op, value, context);
            case TimePointOperation op -> timePoint(op, subject, context);
            case TimeRangedOperation op -> timeRanged(op, subject, context);
            case UnknownOperation op -> throw new UnsupportedFilterException(
                    "unsupported operation type " + op.kind() + " on property " + property);
        };
        return matches || (value == null && operation.passesWhenEmpty());
    }

    /** The property being tested: its current value (null when unset) and the source of its history. */
    private record Subject(PropertySource source, String property, String value) {

        /** Whether any version the property ever had passes {@code test}. */
        boolean ever(Predicate<String> test) {
            for (PropertyValue version : source.history(property)) {
                if (version.isSet() && test.test(version.value())) {
                    return true;
                }
            }
            return false;
        }

        Instant updatedAt() {
            return PropertyValues.updatedAt(source, property);
        }
    }

    // Operators of each operation type

    private static boolean allProperty(String operator, String value) {
        return switch (operator) {
            case "IS_KNOWN" -> value != null;
            case "IS_UNKNOWN" -> value == null;
            case "IS_NOT_BLANK" -> value != null && !value.isBlank();
            case "IS_BLANK" -> value == null || value.isBlank();
            default -> throw unsupported("ALL_PROPERTY", operator);
        };
    }

    private static boolean bool(String operator, boolean expected, Subject subject) {
        Boolean actual = PropertyValues.bool(subject.value());
        Predicate<String> equal = v -> Boolean.valueOf(expected).equals(PropertyValues.bool(v));
        return switch (operator) {
            case "IS_EQUAL_TO" -> actual != null && actual == expected;
            case "IS_NOT_EQUAL_TO" -> actual != null && actual != expected;
            case "HAS_EVER_BEEN_EQUAL_TO" -> subject.ever(equal);
            case "HAS_NEVER_BEEN_EQUAL_TO" -> !subject.ever(equal);
            default -> throw unsupported("BOOL", operator);
        };
    }

    private static boolean number(String operator, BigDecimal operand, Subject subject) {
        BigDecimal number = PropertyValues.number(subject.value());
        Predicate<String> equal = v -> compares(PropertyValues.number(v), operand, c -> c == 0);
        return switch (operator) {
            case "IS_EQUAL_TO" -> compares(number, operand, c -> c == 0);
            case "IS_NOT_EQUAL_TO" -> compares(number, operand, c -> c != 0);
            case "IS_GREATER_THAN" -> compares(number, operand, c -> c > 0);
            case "IS_GREATER_THAN_OR_EQUAL_TO" -> compares(number, operand, c -> c >= 0);
            case "IS_LESS_THAN" -> compares(number, operand, c -> c < 0);
            case "IS_LESS_THAN_OR_EQUAL_TO" -> compares(number, operand, c -> c <= 0);
            case "HAS_EVER_BEEN_EQUAL_TO" -> subject.ever(equal);
            case "HAS_NEVER_BEEN_EQUAL_TO" -> !subject.ever(equal);
            default -> throw unsupported("NUMBER", operator);
        };
    }

    private static boolean string(String operator, String operand, Subject subject) {
        return switch (operator) {
            case "HAS_EVER_BEEN_EQUAL_TO" -> subject.ever(v -> CaseInsensitive.equals(v, operand));
            case "HAS_NEVER_BEEN_EQUAL_TO" -> !subject.ever(v -> CaseInsensitive.equals(v, operand));
            case "HAS_EVER_CONTAINED" -> subject.ever(v -> CaseInsensitive.contains(v, operand));
            case "HAS_NEVER_CONTAINED" -> !subject.ever(v -> CaseInsensitive.contains(v, operand));
            default -> text(operator, subject.value(), List.of(operand));
        };
    }

    /** The string operators of STRING, MULTISTRING and COMPARATIVE_STRING: a value matches any of the operands. */
    private static boolean text(String operator, String value, List<String> operands) {
        if (value == null) {
            return false;
        }
        return switch (operator) {
            case "IS_EQUAL_TO" -> any(value, operands, CaseInsensitive::equals);
            case "IS_NOT_EQUAL_TO" -> !any(value, operands, CaseInsensitive::equals);
            case "CONTAINS" -> any(value, operands, CaseInsensitive::contains);
            case "DOES_NOT_CONTAIN" -> !any(value, operands, CaseInsensitive::contains);
            case "CONTAINS_EXACTLY" -> any(value, operands, String::contains);
            case "DOES_NOT_CONTAIN_EXACTLY" -> !any(value, operands, String::contains);
            case "STARTS_WITH" -> any(value, operands, CaseInsensitive::startsWith);
            case "ENDS_WITH" -> any(value, operands, CaseInsensitive::endsWith);
            default -> throw unsupported("string", operator);
        };
    }

    private static boolean any(String value, List<String> operands, BiPredicate<String, String> test) {
        for (String operand : operands) {
            if (operand != null && test.test(value, operand)) {
                return true;
            }
        }
        return false;
    }

    private static boolean enumeration(String operator, List<String> options, Subject subject) {
        String value = subject.value();
        return switch (operator) {
            case "IS_ANY_OF" -> value != null && anyOf(value, options);
            case "IS_NONE_OF" -> value != null && !anyOf(value, options);
            case "IS_EXACTLY" -> value != null && exactly(value, options);
            case "IS_NOT_EXACTLY" -> value != null && !exactly(value, options);
            case "CONTAINS_ALL" -> value != null && containsAll(value, options);
            case "DOES_NOT_CONTAIN_ALL" -> value != null && !containsAll(value, options);
            case "HAS_EVER_BEEN_ANY_OF" -> subject.ever(v -> anyOf(v, options));
            case "HAS_NEVER_BEEN_ANY_OF" -> !subject.ever(v -> anyOf(v, options));
            case "HAS_EVER_BEEN_EXACTLY" -> subject.ever(v -> exactly(v, options));
            case "HAS_NEVER_BEEN_EXACTLY" -> !subject.ever(v -> exactly(v, options));
            case "HAS_EVER_CONTAINED_ALL" -> subject.ever(v -> containsAll(v, options));
            case "HAS_NEVER_CONTAINED_ALL" -> !subject.ever(v -> containsAll(v, options));
            default -> throw unsupported("ENUMERATION", operator);
        };
    }

    private static boolean anyOf(String value, List<String> options) {
        for (String selected : PropertyValues.options(value)) {
            if (any(selected, options, CaseInsensitive::equals)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAll(String value, List<String> options) {
        return includesAll(PropertyValues.options(value), options);
    }

    private static boolean exactly(String value, List<String> options) {
        List<String> selected = PropertyValues.options(value);
        return includesAll(selected, options) && includesAll(options, selected);
    }

    private static boolean includesAll(List<String> container, List<String> items) {
        for (String item : items) {
            if (item != null && !any(item, container, CaseInsensitive::equals)) {
                return false;
            }
        }
        return true;
    }

    private static boolean dateTime(DateTimeOperation op, String value, EvaluationContext context) {
        String operator = operator("DATETIME", op);
        Instant time = PropertyValues.instant(value);
        Instant point = Instant.ofEpochMilli(required(op.timestamp(), "DATETIME", "timestamp"));
        ZoneId zone = Boolean.TRUE.equals(op.requiresTimeZoneConversion()) ? context.timeZone() : ZoneOffset.UTC;
        return switch (operator) {
            case "IS_BEFORE" -> compares(time, point, c -> c < 0);
            case "IS_AFTER" -> compares(time, point, c -> c > 0);
            case "IS_EQUAL_TO" -> compares(day(time, zone), day(point, zone), c -> c == 0);
            case "IS_BEFORE_DATE" -> compares(day(time, zone), day(point, zone), c -> c < 0);
            case "IS_AFTER_DATE" -> compares(day(time, zone), day(point, zone), c -> c > 0);
            default -> throw unsupported("DATETIME", operator);
        };
    }

    /** Date properties are stored at midnight UTC, so their calendar day is read in UTC. */
    private static boolean date(DateOperation op, String value) {
        String operator = operator("DATE", op);
        LocalDate target = LocalDate.of(required(op.year(), "DATE", "year"), required(op.monthNumber(), "DATE", "month"),
                required(op.day(), "DATE", "day"));
        LocalDate day = day(PropertyValues.instant(value), ZoneOffset.UTC);
        return switch (operator) {
            case "BEFORE" -> compares(day, target, c -> c < 0);
            case "AFTER" -> compares(day, target, c -> c > 0);
            case "EQUAL" -> compares(day, target, c -> c == 0);
            default -> throw unsupported("DATE", operator);
        };
    }

    /** Days are calendar days of the account's zone when the operation asks for time-zone conversion. */
    private static boolean rollingDateRange(RollingDateRangeOperation op, String value, EvaluationContext context) {
        String operator = operator("ROLLING_DATE_RANGE", op);
        int days = required(op.numberOfDays(), "ROLLING_DATE_RANGE", "numberOfDays");
        ZoneId zone = Boolean.TRUE.equals(op.requiresTimeZoneConversion()) ? context.timeZone() : ZoneOffset.UTC;
        ZonedDateTime now = context.clock().instant().atZone(zone);
        Instant time = PropertyValues.instant(value);
        return switch (operator) {
            case "IS_LESS_THAN_X_DAYS_AGO" -> within(time, now.minusDays(days).toInstant(), now.toInstant());
            case "IS_MORE_THAN_X_DAYS_AGO" -> compares(time, now.minusDays(days).toInstant(), c -> c < 0);
            case "IS_LESS_THAN_X_DAYS_FROM_NOW" -> within(time, now.toInstant(), now.plusDays(days).toInstant());
            case "IS_MORE_THAN_X_DAYS_FROM_NOW" -> compares(time, now.plusDays(days).toInstant(), c -> c > 0);
            default -> throw unsupported("ROLLING_DATE_RANGE", operator);
        };
    }

    private static boolean rollingPropertyUpdated(RollingPropertyUpdatedOperation op, Subject subject,
                                                  EvaluationContext context) {
        String operator = operator("ROLLING_PROPERTY_UPDATED", op);
        int days = required(op.numberOfDays(), "ROLLING_PROPERTY_UPDATED", "numberOfDays");
        ZonedDateTime now = context.clock().instant().atZone(context.timeZone());
        Instant since = now.minusDays(days).toInstant();
        Instant updated = subject.updatedAt();
        return switch (operator) {
            case "UPDATED_IN_LAST_X_DAYS" -> within(updated, since, now.toInstant());
            case "NOT_UPDATED_IN_LAST_X_DAYS" -> compares(updated, since, c -> c < 0);
            default -> throw unsupported("ROLLING_PROPERTY_UPDATED", operator);
        };
    }

    /** Compares with another property of the same record, or with {@code defaultComparisonValue} when it has none. */
    private static boolean comparative(ComparativeOperation op, Subject subject) {
        String type = String.valueOf(op.operationType());
        String operator = operator(type, op);
        String otherProperty = required(op.comparisonPropertyName(), type, "comparisonPropertyName");
        String other = subject.source().value(otherProperty).orElse(op.defaultComparisonValue());
        return switch (type) {
            case "COMPARATIVE_DATE" -> before(operator, PropertyValues.instant(subject.value()),
                    PropertyValues.instant(other));
            case "COMPARATIVE_PROPERTY_UPDATED" -> {
                Instant otherUpdate = PropertyValues.updatedAt(subject.source(), otherProperty);
                yield before(operator, subject.updatedAt(),
                        otherUpdate != null ? otherUpdate : PropertyValues.instant(op.defaultComparisonValue()));
            }
            default -> other != null && text(operator, subject.value(), List.of(other));
        };
    }

    /** IS_BEFORE or IS_AFTER between two moments; false when either is unknown. */
    private static boolean before(String operator, Instant time, Instant other) {
        return switch (operator) {
            case "IS_BEFORE" -> compares(time, other, c -> c < 0);
            case "IS_AFTER" -> compares(time, other, c -> c > 0);
            default -> throw unsupported("comparative", operator);
        };
    }

    /**
     * In a calendar unit of the account's zone, counted from the start of the current unit: this unit, the next
     * or last {@code timeUnitCount} whole units, or up to now ("so far").
     */
    private static boolean calendarDate(CalendarDateOperation op, String value, EvaluationContext context) {
        String operator = operator("CALENDAR_DATE", op);
        CalendarUnit unit = calendarUnit(required(op.timeUnit(), "CALENDAR_DATE", "timeUnit"));
        int count = op.timeUnitCount() == null ? 1 : op.timeUnitCount();
        ZonedDateTime now = context.clock().instant().atZone(context.timeZone());
        LocalDate current = unit.startOf(now.toLocalDate(), yearStart(op));
        Instant time = PropertyValues.instant(value);
        ZoneId zone = now.getZone();
        return switch (operator) {
            case "IN_THIS_TIME_UNIT" -> from(time, current, unit.plus(current, 1), zone);
            case "IN_THIS_TIME_UNIT_SO_FAR" -> within(time, start(current, zone), now.toInstant());
            case "IN_NEXT_TIME_UNIT" -> from(time, unit.plus(current, 1), unit.plus(current, 1 + count), zone);
            case "IN_LAST_TIME_UNIT" -> from(time, unit.plus(current, -count), current, zone);
            case "IN_LAST_TIME_UNIT_SO_FAR" -> within(time, start(unit.plus(current, -count), zone), now.toInstant());
            default -> throw unsupported("CALENDAR_DATE", operator);
        };
    }

    private static CalendarUnit calendarUnit(String timeUnit) {
        try {
            return CalendarUnit.valueOf(timeUnit);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedFilterException("unsupported CALENDAR_DATE timeUnit: " + timeUnit);
        }
    }

    private static MonthDay yearStart(CalendarDateOperation op) {
        if (!Boolean.TRUE.equals(op.useFiscalYear()) || op.fiscalYearStart() == null) {
            return CalendarUnit.JANUARY_FIRST;
        }
        try {
            return MonthDay.of(Month.valueOf(op.fiscalYearStart().toUpperCase(Locale.ROOT)), 1);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedFilterException("unsupported fiscalYearStart: " + op.fiscalYearStart());
        }
    }

    /** Whether {@code time} falls on or after the first day and before the last (exclusive) one. */
    private static boolean from(Instant time, LocalDate first, LocalDate endExclusive, ZoneId zone) {
        return compares(time, start(first, zone), c -> c >= 0) && compares(time, start(endExclusive, zone), c -> c < 0);
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** IS_BEFORE, IS_AFTER (exclusive unless INCLUSIVE) or IS_EQUAL_TO (the same day in the point's zone). */
    private static boolean timePoint(TimePointOperation op, Subject subject, EvaluationContext context) {
        String operator = operator("TIME_POINT", op);
        Instant time = time(op.propertyParser(), subject);
        ZonedDateTime point = TimePoints.resolve(required(op.timePoint(), "TIME_POINT", "timePoint"),
                subject.source(), context);
        boolean inclusive = "INCLUSIVE".equals(op.endpointBehavior());
        if (time == null || point == null) {
            return false;
        }
        return switch (operator) {
            case "IS_BEFORE" -> isBefore(time, point.toInstant(), inclusive);
            case "IS_AFTER" -> isBefore(point.toInstant(), time, inclusive);
            case "IS_EQUAL_TO" -> LocalDate.ofInstant(time, point.getZone()).equals(point.toLocalDate());
            default -> throw unsupported("TIME_POINT", operator);
        };
    }

    /** Between two points, each bound inclusive unless EXCLUSIVE. */
    private static boolean timeRanged(TimeRangedOperation op, Subject subject, EvaluationContext context) {
        String operator = operator("TIME_RANGED", op);
        Instant time = time(op.propertyParser(), subject);
        ZonedDateTime lower = TimePoints.resolve(required(op.lowerBoundTimePoint(), "TIME_RANGED",
                "lowerBoundTimePoint"), subject.source(), context);
        ZonedDateTime upper = TimePoints.resolve(required(op.upperBoundTimePoint(), "TIME_RANGED",
                "upperBoundTimePoint"), subject.source(), context);
        if (time == null || lower == null || upper == null) {
            return false;
        }
        boolean between = isBefore(lower.toInstant(), time, !"EXCLUSIVE".equals(op.lowerBoundEndpointBehavior()))
                && isBefore(time, upper.toInstant(), !"EXCLUSIVE".equals(op.upperBoundEndpointBehavior()));
        return switch (operator) {
            case "IS_BETWEEN" -> between;
            case "IS_NOT_BETWEEN" -> !between;
            default -> throw unsupported("TIME_RANGED", operator);
        };
    }

    /** The time a time-point operation tests: the property's value, or its last update with UPDATED_AT. */
    private static Instant time(String propertyParser, Subject subject) {
        if (propertyParser == null || "VALUE".equals(propertyParser)) {
            return PropertyValues.instant(subject.value());
        }
        if ("UPDATED_AT".equals(propertyParser)) {
            return subject.updatedAt();
        }
        throw new UnsupportedFilterException("unsupported propertyParser: " + propertyParser);
    }

    private static boolean isBefore(Instant time, Instant other, boolean inclusive) {
        return inclusive ? !time.isAfter(other) : time.isBefore(other);
    }

    // Shared comparisons; a null value (unset or unparseable) matches nothing

    private static <T extends Comparable<T>> boolean ranged(String operator, T value, T lower, T upper) {
        return switch (operator) {
            case "IS_BETWEEN" -> within(value, lower, upper);
            case "IS_NOT_BETWEEN" -> value != null && !within(value, lower, upper);
            default -> throw unsupported("ranged", operator);
        };
    }

    /** Whether {@code value} lies between both bounds, inclusive. */
    private static <T extends Comparable<T>> boolean within(T value, T lower, T upper) {
        return compares(value, lower, c -> c >= 0) && compares(value, upper, c -> c <= 0);
    }

    private static <T extends Comparable<T>> boolean compares(T value, T operand, IntPredicate test) {
        return value != null && operand != null && test.test(value.compareTo(operand));
    }

    private static LocalDate day(Instant time, ZoneId zone) {
        return time == null ? null : LocalDate.ofInstant(time, zone);
    }

    // Validation of the definition: an operation the engine cannot evaluate is an error, never a silent false

    private static String operator(String operationType, PropertyOperation operation) {
        Set<String> operators = OperationTypes.operators(operationType).orElseThrow(
                () -> new UnsupportedFilterException("unsupported operation type " + operationType));
        String operator = operation.operator();
        if (operator == null || !operators.contains(operator)) {
            throw new UnsupportedFilterException("operator " + operator + " is not valid for " + operationType
                    + " operations; expected one of " + operators);
        }
        return operator;
    }

    private static UnsupportedFilterException unsupported(String operationType, String operator) {
        return new UnsupportedFilterException("operator " + operator + " is not valid for " + operationType);
    }

    private static <T> T required(T field, String operationType, String name) {
        if (field == null) {
            throw new UnsupportedFilterException(operationType + " operation without " + name);
        }
        return field;
    }
}
