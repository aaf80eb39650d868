package dev.flowline.engine.definition;

import dev.flowline.engine.criteria.AllPropertyOperation;
import dev.flowline.engine.criteria.BoolOperation;
import dev.flowline.engine.criteria.CalendarDateOperation;
import dev.flowline.engine.criteria.ComparativeOperation;
import dev.flowline.engine.criteria.DateOperation;
import dev.flowline.engine.criteria.DateTimeOperation;
import dev.flowline.engine.criteria.DateTimePoint;
import dev.flowline.engine.criteria.EnumerationOperation;
import dev.flowline.engine.criteria.IndexedTimePoint;
import dev.flowline.engine.criteria.MultiStringOperation;
import dev.flowline.engine.criteria.NumberOperation;
import dev.flowline.engine.criteria.NumberRangedOperation;
import dev.flowline.engine.criteria.OperationTypes;
import dev.flowline.engine.criteria.PropertyOperation;
import dev.flowline.engine.criteria.PropertyReferencedTimePoint;
import dev.flowline.engine.criteria.RangedDateOperation;
import dev.flowline.engine.criteria.RollingDateRangeOperation;
import dev.flowline.engine.criteria.RollingPropertyUpdatedOperation;
import dev.flowline.engine.criteria.StringOperation;
import dev.flowline.engine.criteria.TimePoint;
import dev.flowline.engine.criteria.TimePointOperation;
import dev.flowline.engine.criteria.TimeRangedOperation;
import dev.flowline.engine.criteria.UnknownOperation;
import dev.flowline.engine.criteria.UnknownTimePoint;

import java.time.Month;
import java.util.List;
import java.util.Locale;

import static dev.flowline.engine.definition.Problems.quote;

/** A property operation: an operator of its type, and the value fields that type needs (reference section 5.3). */
final class OperationCheck {

    private static final List<String> CALENDAR_UNITS = List.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR");

    private final Problems problems;

    OperationCheck(Problems problems) {
        this.problems = problems;
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
            case NumberOperation o -> require(at, o.operationType(), "value", o.value());
            case StringOperation o -> require(at, o.operationType(), "value", o.value());
            case MultiStringOperation o -> require(at, o.operationType(), "values", o.values());
            case EnumerationOperation o -> require(at, o.operationType(), "values", o.values());
            case DateTimeOperation o -> require(at, o.operationType(), "timestamp", o.timestamp());
            case NumberRangedOperation o -> require(at, o.operationType(),
                    "lowerBound", o.lowerBound(), "upperBound", o.upperBound());
            case RangedDateOperation o -> require(at, o.operationType(),
                    "lowerBound", o.lowerBound(), "upperBound", o.upperBound());
            case DateOperation o -> require(at, o.operationType(), "year", o.year(), "month", o.monthNumber(), "day", o.day());
            case RollingDateRangeOperation o -> require(at, o.operationType(), "numberOfDays", o.numberOfDays());
            case RollingPropertyUpdatedOperation o -> require(at, o.operationType(), "numberOfDays", o.numberOfDays());
            case ComparativeOperation o -> require(at, o.operationType(),
                    "comparisonPropertyName", o.comparisonPropertyName());
            case CalendarDateOperation o -> {
                problems.oneOf(at, "timeUnit", o.timeUnit(), CALENDAR_UNITS);
                fiscalYearStart(o, at);
                yield o.operationType();
            }
            case TimePointOperation o -> {
                timePoint(o.timePoint(), at, "timePoint");
                yield o.operationType() != null ? o.operationType() : o.type();
            }
            case TimeRangedOperation o -> {
                timePoint(o.lowerBoundTimePoint(), at, "lowerBoundTimePoint");
                timePoint(o.upperBoundTimePoint(), at, "upperBoundTimePoint");
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

    private void timePoint(TimePoint point, Pointer parent, String field) {
        Pointer at = parent.field(field);
        switch (point) {
            case null -> problems.require(parent, field, null);
            case IndexedTimePoint p -> {
                if (problems.require(at, "indexReference", p.indexReference())) {
                    problems.require(at.field("indexReference"), "referenceType", p.indexReference().referenceType());
                }
            }
            case DateTimePoint p -> {
                problems.require(at, "year", p.year());
                problems.require(at, "month", p.month());
                problems.require(at, "day", p.day());
            }
            case PropertyReferencedTimePoint p -> problems.require(at, "property", p.property());
            case UnknownTimePoint p -> problems.notEvaluated(at, "timeType", p.kind(), "time point type");
        }
    }
}
