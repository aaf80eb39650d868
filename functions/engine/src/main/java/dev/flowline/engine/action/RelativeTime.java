package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A time relative to now, as HubSpot's {@code timeDelay} and a task's {@code due_time} describe it:
 * {@code delta} units of {@code timeUnit} later, then moved to {@code timeOfDay{hour, minute}} on that day,
 * then forward to the first of {@code daysOfWeek}. Calendar arithmetic happens in the account's time zone
 * unless {@code timeZoneStrategy} names a static one. {@value #BUSINESS_DAYS} count Monday to Friday only: a
 * weekend day is no step, and a time that would fall on a weekend moves to the Monday.
 */
final class RelativeTime {

    static final String BUSINESS_DAYS = "BUSINESS_DAYS";

    private RelativeTime() {
    }

    static Instant from(JsonNode delay, Instant now, ZoneId accountZone) {
        ZoneId zone = zoneOf(delay, accountZone);
        ZonedDateTime at = now.atZone(zone);
        long delta = delay.path("delta").asLong(0);
        String unit = delay.path("timeUnit").asText("DAYS");
        at = BUSINESS_DAYS.equalsIgnoreCase(unit) ? plusBusinessDays(at, delta)
                : at.plus(delta, ChronoUnit.valueOf(unit.toUpperCase(Locale.ROOT)));
        JsonNode timeOfDay = delay.get("timeOfDay");
        if (timeOfDay != null && timeOfDay.isObject()) {
            at = at.truncatedTo(ChronoUnit.DAYS)
                    .withHour(timeOfDay.path("hour").asInt(0))
                    .withMinute(timeOfDay.path("minute").asInt(0));
        }
        Set<DayOfWeek> days = daysOf(delay.get("daysOfWeek"));
        while (!days.isEmpty() && !days.contains(at.getDayOfWeek())) {
            at = at.plusDays(1);
        }
        return at.toInstant();
    }

    private static ZonedDateTime plusBusinessDays(ZonedDateTime from, long days) {
        ZonedDateTime at = toWeekday(from, 1);
        int step = days < 0 ? -1 : 1;
        for (long left = Math.abs(days); left > 0; left--) {
            at = toWeekday(at.plusDays(step), step);
        }
        return at;
    }

    private static ZonedDateTime toWeekday(ZonedDateTime at, int step) {
        while (at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY) {
            at = at.plusDays(step);
        }
        return at;
    }

    private static ZoneId zoneOf(JsonNode delay, ZoneId accountZone) {
        String zone = delay.path("timeZoneStrategy").path("timeZoneId").asText("");
        return zone.isBlank() ? accountZone : ZoneId.of(zone);
    }

    private static Set<DayOfWeek> daysOf(JsonNode days) {
        var set = new HashSet<DayOfWeek>();
        if (days != null && days.isArray()) {
            days.forEach(day -> set.add(DayOfWeek.valueOf(day.asText().toUpperCase(Locale.ROOT))));
        }
        return set;
    }
}
