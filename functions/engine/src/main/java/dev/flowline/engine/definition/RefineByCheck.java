package dev.flowline.engine.definition;

import dev.flowline.engine.criteria.AbsoluteComparativeRefineBy;
import dev.flowline.engine.criteria.AbsoluteRangedRefineBy;
import dev.flowline.engine.criteria.AllHistoryRefineBy;
import dev.flowline.engine.criteria.CoalescingRefineBy;
import dev.flowline.engine.criteria.EventWindow;
import dev.flowline.engine.criteria.NumOccurrencesRefineBy;
import dev.flowline.engine.criteria.PruningRefineBy;
import dev.flowline.engine.criteria.RefineOffset;
import dev.flowline.engine.criteria.RelativeComparativeRefineBy;
import dev.flowline.engine.criteria.RelativeRangedRefineBy;
import dev.flowline.engine.criteria.SetOccurrencesRefineBy;
import dev.flowline.engine.criteria.UnknownCoalescingRefineBy;
import dev.flowline.engine.criteria.UnknownPruningRefineBy;

import java.time.temporal.TemporalUnit;
import java.util.List;
import java.util.Optional;

/**
 * The refine-bys of an event filter (reference 5.3): the time window it looks at, within
 * {@link NumberRanges#FILTER_REACH} of now or within the years of {@link NumberRanges}, and how many times it must
 * have happened.
 */
final class RefineByCheck {

    private static final List<String> COMPARISONS = List.of("BEFORE", "AFTER");
    private static final List<String> RANGE_TYPES = List.of("BETWEEN", "NOT_BETWEEN");
    private static final List<String> DIRECTIONS = List.of("PAST", "FUTURE");
    /** The units of a relative offset, as the evaluator reads them. */
    private static final List<String> UNITS = List.of("MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS",
            "WEEKS", "MONTHS", "QUARTERS", "YEARS");

    private final Problems problems;
    private final CalendarCheck calendar;

    RefineByCheck(Problems problems) {
        this.problems = problems;
        this.calendar = new CalendarCheck(problems);
    }

    void pruning(PruningRefineBy refineBy, Pointer at) {
        switch (refineBy) {
            case null -> {
            }
            case AllHistoryRefineBy all -> {
            }
            case RelativeComparativeRefineBy r -> {
                problems.oneOf(at, "comparison", r.comparison(), COMPARISONS);
                offset(r.timeOffset(), at, "timeOffset");
            }
            case RelativeRangedRefineBy r -> {
                problems.oneOf(at, "rangeType", r.rangeType(), RANGE_TYPES);
                offset(r.lowerBoundOffset(), at, "lowerBoundOffset");
                offset(r.upperBoundOffset(), at, "upperBoundOffset");
            }
            case AbsoluteComparativeRefineBy a -> {
                problems.oneOf(at, "comparison", a.comparison(), COMPARISONS);
                instant(a.timestamp(), at, "timestamp");
            }
            case AbsoluteRangedRefineBy a -> {
                problems.oneOf(at, "rangeType", a.rangeType(), RANGE_TYPES);
                instant(a.lowerTimestamp(), at, "lowerTimestamp");
                instant(a.upperTimestamp(), at, "upperTimestamp");
            }
            case UnknownPruningRefineBy u -> problems.notEvaluated(at, "type", u.kind(), "refine-by type");
        }
    }

    void coalescing(CoalescingRefineBy refineBy, Pointer at) {
        switch (refineBy) {
            case null -> {
            }
            case NumOccurrencesRefineBy n -> {
                if (n.minOccurrences() != null) {
                    calendar.range(n.minOccurrences(), 0, Integer.MAX_VALUE, at, "minOccurrences");
                }
                if (n.maxOccurrences() != null) {
                    calendar.range(n.maxOccurrences(), 0, Integer.MAX_VALUE, at, "maxOccurrences");
                }
            }
            case SetOccurrencesRefineBy s -> problems.notEvaluated(at, "type", s.type(), "refine-by type");
            case UnknownCoalescingRefineBy u -> problems.notEvaluated(at, "type", u.kind(), "refine-by type");
        }
    }

    /** {@code amount} {@code timeUnit}s into the {@code PAST} (the default) or the {@code FUTURE}. */
    private void offset(RefineOffset offset, Pointer parent, String field) {
        if (!problems.require(parent, field, offset)) {
            return;
        }
        Pointer at = parent.field(field);
        if (offset.offsetDirection() != null) {
            problems.oneOf(at, "offsetDirection", offset.offsetDirection(), DIRECTIONS);
        }
        Optional<TemporalUnit> unit = EventWindow.unitNamed(offset.timeUnit());
        if (unit.isEmpty()) {
            problems.oneOf(at, "timeUnit", offset.timeUnit(), UNITS);
        }
        if (problems.require(at, "amount", offset.amount()) && unit.isPresent()) {
            long most = NumberRanges.largest(unit.get(), NumberRanges.FILTER_REACH);
            calendar.range(offset.amount(), -most, most, at, "amount");
        }
    }

    private void instant(Long timestamp, Pointer at, String field) {
        if (problems.require(at, field, timestamp)) {
            calendar.instant(timestamp, at, field);
        }
    }
}
