package dev.flowline.engine.timing;

import dev.flowline.engine.definition.NumberRanges;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Reads a date or datetime value as HubSpot stores it: epoch milliseconds, an ISO date or an ISO datetime.
 * HubSpot keeps a date-only property as midnight UTC, so epoch milliseconds at exactly midnight UTC are a
 * calendar day: it starts at midnight in the account's zone, not at midnight UTC. A date outside the years of
 * {@link NumberRanges} is not read: times computed from it could not be stored or scheduled.
 */
public final class DateValues {

    private static final long DAY_MILLIS = 86_400_000L;

    private DateValues() {
    }

    public static Optional<ZonedDateTime> parse(String value, ZoneId zone) {
        return read(value, zone).filter(date -> NumberRanges.isInYears(date.toInstant()));
    }

    private static Optional<ZonedDateTime> read(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            if (text.matches("-?\\d+")) {
                long millis = Long.parseLong(text);
                return Optional.of(Math.floorMod(millis, DAY_MILLIS) == 0
                        ? LocalDate.ofEpochDay(Math.floorDiv(millis, DAY_MILLIS)).atStartOfDay(zone)
                        : Instant.ofEpochMilli(millis).atZone(zone));
            }
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(zone));
            }
            return Optional.of(OffsetDateTime.parse(text).atZoneSameInstant(zone));
        } catch (DateTimeException | NumberFormatException notADate) {
            return Optional.empty();
        }
    }
}
