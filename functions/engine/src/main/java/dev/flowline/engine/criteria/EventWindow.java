package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.ActivityEvent;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalUnit;
import java.util.Optional;
import java.util.List;

/**
 * The time window a {@code pruningRefineBy} narrows events to: the instants in {@code [from, to)}, or, when
 * {@code outside}, every instant not in it. Times are epoch milliseconds.
 */
public record EventWindow(long from, long to, boolean outside) {

    public static final EventWindow ALL_HISTORY = new EventWindow(Long.MIN_VALUE, Long.MAX_VALUE, false);

    /** The window of a refine-by; relative offsets count from the context's clock, in its time zone. */
    public static EventWindow of(PruningRefineBy refineBy, EvaluationContext context) {
        return switch (refineBy) {
            case null -> ALL_HISTORY;
            case AllHistoryRefineBy all -> ALL_HISTORY;
            case RelativeComparativeRefineBy r -> comparative(r.comparison(), offsetFromNow(r.timeOffset(), context));
            case RelativeRangedRefineBy r -> ranged(r.rangeType(), offsetFromNow(r.lowerBoundOffset(), context),
                    offsetFromNow(r.upperBoundOffset(), context));
            case AbsoluteComparativeRefineBy a -> comparative(a.comparison(), required(a.timestamp(), "timestamp"));
            case AbsoluteRangedRefineBy a -> ranged(a.rangeType(), required(a.lowerTimestamp(), "lowerTimestamp"),
                    required(a.upperTimestamp(), "upperTimestamp"));
            case UnknownPruningRefineBy u ->
                    throw new UnsupportedFilterException("pruningRefineBy type " + u.kind() + " is not supported");
        };
    }

    public boolean contains(Instant at) {
        long t = at.toEpochMilli();
        return outside != (t >= from && t < to);
    }

    /**
     * Index ranges {@code [start, end)} of the events (oldest first) that fall in the window, as pairs: one
     * pair for a window, two for the outside of one. Found by binary search, so events are never scanned twice.
     */
    int[] indexRanges(List<ActivityEvent> events) {
        int start = firstAtOrAfter(events, from);
        int end = firstAtOrAfter(events, to);
        return outside ? new int[] {0, start, end, events.size()} : new int[] {start, end};
    }

    /** AFTER includes its instant and BEFORE excludes it, so the two split time without a gap or overlap. */
    private static EventWindow comparative(String comparison, long at) {
        return switch (String.valueOf(comparison)) {
            case "AFTER" -> new EventWindow(at, Long.MAX_VALUE, false);
            case "BEFORE" -> new EventWindow(Long.MIN_VALUE, at, false);
            default -> throw new UnsupportedFilterException("refine-by comparison " + comparison + " is not supported");
        };
    }

    /** BETWEEN includes both bounds, whichever order they are given in. */
    private static EventWindow ranged(String rangeType, long a, long b) {
        long lower = Math.min(a, b);
        long upperExclusive = Math.max(a, b) == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(a, b) + 1;
        return switch (String.valueOf(rangeType)) {
            case "BETWEEN" -> new EventWindow(lower, upperExclusive, false);
            case "NOT_BETWEEN" -> new EventWindow(lower, upperExclusive, true);
            default -> throw new UnsupportedFilterException("refine-by range type " + rangeType + " is not supported");
        };
    }

    private static long offsetFromNow(RefineOffset offset, EvaluationContext context) {
        if (offset == null || offset.amount() == null || offset.timeUnit() == null) {
            throw new UnsupportedFilterException("a refine-by offset needs an amount and a timeUnit: " + offset);
        }
        long amount = switch (offset.offsetDirection() == null ? "PAST" : offset.offsetDirection()) {
            case "PAST" -> -offset.amount();
            case "FUTURE" -> offset.amount();
            default -> throw new UnsupportedFilterException(
                    "refine-by offset direction " + offset.offsetDirection() + " is not supported");
        };
        ZonedDateTime now = ZonedDateTime.now(context.clock()).withZoneSameInstant(context.timeZone());
        return now.plus(amount, unit(offset.timeUnit())).toInstant().toEpochMilli();
    }

    private static TemporalUnit unit(String timeUnit) {
        return unitNamed(timeUnit).orElseThrow(
                () -> new UnsupportedFilterException("refine-by time unit " + timeUnit + " is not supported"));
    }

    /** A refine-by offset's {@code timeUnit}, as HubSpot names it ({@code DAYS}, {@code QUARTERS}...). */
    public static Optional<TemporalUnit> unitNamed(String timeUnit) {
        return Optional.ofNullable(switch (String.valueOf(timeUnit)) {
            case "MILLISECONDS" -> ChronoUnit.MILLIS;
            case "SECONDS" -> ChronoUnit.SECONDS;
            case "MINUTES" -> ChronoUnit.MINUTES;
            case "HOURS" -> ChronoUnit.HOURS;
            case "DAYS" -> ChronoUnit.DAYS;
            case "WEEKS" -> ChronoUnit.WEEKS;
            case "MONTHS" -> ChronoUnit.MONTHS;
            case "QUARTERS" -> IsoFields.QUARTER_YEARS;
            case "YEARS" -> ChronoUnit.YEARS;
            default -> null;
        });
    }

    private static long required(Long timestamp, String field) {
        if (timestamp == null) {
            throw new UnsupportedFilterException("a refine-by needs " + field);
        }
        return timestamp;
    }

    private static int firstAtOrAfter(List<ActivityEvent> events, long t) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (events.get(mid).occurredAt().toEpochMilli() < t) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
