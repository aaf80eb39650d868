package dev.flowline.engine.timing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;

/** Finds the next instant, in a time zone, that falls at a time of day on a day meeting a condition. */
public final class NextTimes {

    /** Far enough to find a yearly 29 February. */
    private static final int SEARCH_DAYS = 8 * 366;

    private NextTimes() {
    }

    /**
     * The first instant strictly after {@code after} at {@code time} on a day accepted by {@code onDay}. A time
     * skipped by a daylight-saving change resolves to the same wall time an hour later.
     */
    public static Optional<Instant> firstAfter(Instant after, ZoneId zone, LocalTime time, Predicate<LocalDate> onDay) {
        LocalDate day = after.atZone(zone).toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++, day = day.plusDays(1)) {
            Instant candidate = day.atTime(time).atZone(zone).toInstant();
            if (candidate.isAfter(after) && onDay.test(day)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
