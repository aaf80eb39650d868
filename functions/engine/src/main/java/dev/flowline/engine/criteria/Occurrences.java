package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.ActivityEvent;

import java.util.List;
import java.util.function.Predicate;

/**
 * How many times something must have happened ({@code coalescingRefineBy} {@code NUM_OCCURRENCES}): at least
 * {@code min} and at most {@code max} times. Without a refine-by, once is enough.
 */
public record Occurrences(int min, int max) {

    public static final Occurrences AT_LEAST_ONCE = new Occurrences(1, Integer.MAX_VALUE);

    public static Occurrences of(CoalescingRefineBy refineBy) {
        return switch (refineBy) {
            case null -> AT_LEAST_ONCE;
            case NumOccurrencesRefineBy n -> new Occurrences(n.minOccurrences() == null ? 1 : n.minOccurrences(),
                    n.maxOccurrences() == null ? Integer.MAX_VALUE : n.maxOccurrences());
            case SetOccurrencesRefineBy s ->
                    throw new UnsupportedFilterException("coalescingRefineBy SET_OCCURRENCES is not supported");
            case UnknownCoalescingRefineBy u ->
                    throw new UnsupportedFilterException("coalescingRefineBy type " + u.kind() + " is not supported");
        };
    }

    public boolean accepts(int count) {
        return count >= min && count <= max;
    }

    /**
     * Whether the events of the window that pass {@code counted} occur an accepted number of times. One pass
     * over the window, stopping as soon as the answer is known.
     */
    public boolean foundIn(List<ActivityEvent> events, EventWindow window, Predicate<ActivityEvent> counted) {
        int[] ranges = window.indexRanges(events);
        int count = 0;
        for (int r = 0; r < ranges.length; r += 2) {
            for (int i = ranges[r]; i < ranges[r + 1]; i++) {
                if (counted.test(events.get(i))) {
                    count++;
                    if (count > max) {
                        return false;
                    }
                    if (count >= min && max == Integer.MAX_VALUE) {
                        return true;
                    }
                }
            }
        }
        return accepts(count);
    }
}
