package dev.flowline.engine.timing;

import dev.flowline.engine.definition.NumberRanges;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An amount of time a delay waits, or a date delay shifts its date by: HubSpot's {@code delta} and {@code time_unit}. */
public record Offset(long amount, ChronoUnit unit) {

    public static final Offset NONE = new Offset(0, ChronoUnit.MINUTES);

    private static final Map<String, ChronoUnit> UNITS = Map.of(
            "MINUTES", ChronoUnit.MINUTES,
            "HOURS", ChronoUnit.HOURS,
            "DAYS", ChronoUnit.DAYS,
            "WEEKS", ChronoUnit.WEEKS);

    /**
     * Reads {@code delta} (a whole number, negative for "before", written as HubSpot does: {@code "5"}, {@code 5},
     * {@code 5.0}) and {@code time_unit}; empty if either is not valid, or the offset is longer than
     * {@link NumberRanges#LONGEST_WAIT}, so that adding it to a date of a definition cannot overflow.
     */
    public static Optional<Offset> parse(String delta, String timeUnit) {
        ChronoUnit unit = timeUnit == null ? null : UNITS.get(timeUnit.trim().toUpperCase(Locale.ROOT));
        if (delta == null || unit == null) {
            return Optional.empty();
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(delta.trim());
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        long largest = NumberRanges.largest(unit, NumberRanges.LONGEST_WAIT);
        if (amount.stripTrailingZeros().scale() > 0 || amount.abs().compareTo(BigDecimal.valueOf(largest)) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Offset(amount.longValueExact(), unit));
    }

    /** Days and weeks are calendar days in the time's zone, so 9:00 stays 9:00 across a daylight-saving change. */
    public ZonedDateTime addTo(ZonedDateTime time) {
        return time.plus(amount, unit);
    }
}
