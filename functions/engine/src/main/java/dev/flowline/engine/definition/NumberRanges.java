package dev.flowline.engine.definition;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalUnit;

/**
 * Flowline's ranges for the numbers and dates of a definition, where HubSpot publishes none (docs/compatibility.md,
 * "Number ranges"). The validator refuses values outside them and the engine computes no time outside them, so
 * that every time it computes can be stored and scheduled.
 */
public final class NumberRanges {

    /** The longest a delay waits, a date delay moves its date or a wait for an event lasts: five years of 366 days. */
    public static final Duration LONGEST_WAIT = Duration.ofDays(5 * 366);

    /** How far before or after now a filter looks (rolling ranges, offsets, calendar units): a hundred years. */
    public static final Duration FILTER_REACH = Duration.ofDays(36_525);

    /** The first and last year of a date in a definition: four-digit years, as ISO 8601 and schedulers write them. */
    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;

    /**
     * The first and last days a delay may count from: a day into the first year (for the time zone), and the
     * longest wait and a day (for the time of day) before the end of the last.
     */
    public static final LocalDate FIRST_DELAY_DATE = LocalDate.of(FIRST_YEAR, 1, 2);
    public static final LocalDate LAST_DELAY_DATE =
            LocalDate.of(LAST_YEAR, 12, 31).minusDays(LONGEST_WAIT.toDays() + 1);

    private NumberRanges() {
    }

    /** The largest whole number of {@code unit} that fits in {@code span}. */
    public static long largest(TemporalUnit unit, Duration span) {
        Duration length = unit.getDuration();
        if (length.getNano() == 0 && span.getNano() == 0 && length.getSeconds() > 0 && !span.isNegative()) {
            // whole seconds, as the units of delays and filters are: what dividedBy computes, without its BigDecimals
            return span.getSeconds() / length.getSeconds();
        }
        return span.dividedBy(length);
    }

    /** Whether {@code year} is one of the years a date in a definition may fall in. */
    public static boolean isYear(long year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** Whether the instant falls in those years, in UTC. */
    public static boolean isInYears(Instant instant) {
        return isYear(instant.atZone(ZoneOffset.UTC).getYear());
    }

    /**
     * Whether a date a delay counts from (a {@code 0-35} static date, a static anchor) leaves room for the delay:
     * between {@link #FIRST_DELAY_DATE} and {@link #LAST_DELAY_DATE} (UTC), so that read in any zone and moved by
     * the longest wait to any time of day, it still falls in the years.
     */
    public static boolean leavesRoomToWait(Instant date) {
        return !date.isBefore(FIRST_DELAY_DATE.atStartOfDay(ZoneOffset.UTC).toInstant())
                && date.isBefore(LAST_DELAY_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * Whether a number is finite as a 64-bit float (HubSpot's numbers are JavaScript numbers): neither too large
     * nor too small, unless zero. Arithmetic on anything else, such as {@code 1e99999999}, could take for ever.
     */
    public static boolean isFinite(BigDecimal number) {
        double value = number.doubleValue();
        return Double.isFinite(value) && (value != 0 || number.signum() == 0);
    }
}
