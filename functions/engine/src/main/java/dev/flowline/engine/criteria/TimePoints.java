package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.PropertySource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

/** Resolves the time points of {@code TIME_POINT} and {@code TIME_RANGED} operations to moments in a zone. */
final class TimePoints {

    private static final Set<String> PROPERTY_REFERENCE_TYPES = Set.of("VALUE", "UPDATED_AT", "ANNIVERSARY",
            "VALUE_WITH_ZONE_SAME_LOCAL_CONVERSION", "ANNIVERSARY_WITH_ZONE_SAME_LOCAL_CONVERSION");

    private TimePoints() {
    }

    /** The moment the point stands for, or null when it refers to a property without a value. */
    static ZonedDateTime resolve(TimePoint point, PropertySource source, EvaluationContext context) {
        return switch (point) {
            case IndexedTimePoint indexed -> indexed(indexed, context);
            case DateTimePoint date -> date(date, context);
            case PropertyReferencedTimePoint referenced -> referenced(referenced, source, context);
            case UnknownTimePoint unknown ->
                    throw new UnsupportedFilterException("unsupported time point type: " + unknown.kind());
        };
    }

    /** A custom zone when one is named, else the account's: the user's own zone is not known to the engine. */
    private static ZoneId zone(String timezoneSource, String zoneId, EvaluationContext context) {
        boolean custom = timezoneSource == null || "CUSTOM".equals(timezoneSource);
        return custom && zoneId != null ? ZoneId.of(zoneId) : context.timeZone();
    }

    private static ZonedDateTime indexed(IndexedTimePoint point, EvaluationContext context) {
        IndexReference reference = point.indexReference();
        if (reference == null) {
            throw new UnsupportedFilterException("INDEXED time point without indexReference");
        }
        ZonedDateTime now = context.clock().instant().atZone(zone(point.timezoneSource(), point.zoneId(), context));
        ZonedDateTime anchor = "NOW".equals(reference.referenceType())
                ? now
                : anchorDay(reference, now.toLocalDate()).atTime(timeOf(reference)).atZone(now.getZone());
        return plus(anchor, point.offset());
    }

    private static LocalDate anchorDay(IndexReference reference, LocalDate today) {
        String type = String.valueOf(reference.referenceType());
        return switch (type) {
            case "TODAY" -> today;
            case "WEEK" -> CalendarUnit.WEEK.startOf(today, CalendarUnit.JANUARY_FIRST)
                    .with(reference.dayOfWeek() == null ? DayOfWeek.MONDAY : DayOfWeek.valueOf(reference.dayOfWeek()));
            case "MONTH" -> today.withDayOfMonth(Math.min(or(reference.day(), 1), today.lengthOfMonth()));
            case "QUARTER" -> CalendarUnit.QUARTER.startOf(today, CalendarUnit.JANUARY_FIRST);
            case "YEAR" -> monthDay(reference).atYear(today.getYear());
            case "FISCAL_QUARTER" -> CalendarUnit.QUARTER.startOf(today, monthDay(reference));
            case "FISCAL_YEAR" -> CalendarUnit.YEAR.startOf(today, monthDay(reference));
            default -> throw new UnsupportedFilterException("unsupported indexReference.referenceType: " + type);
        };
    }

    /** The month and day of a YEAR reference, or the start of the fiscal year of a FISCAL_* one. */
    private static MonthDay monthDay(IndexReference reference) {
        return MonthDay.of(or(reference.month(), 1), or(reference.day(), 1));
    }

    private static LocalTime timeOf(IndexReference reference) {
        return LocalTime.of(or(reference.hour(), 0), or(reference.minute(), 0), or(reference.second(), 0),
                or(reference.millisecond(), 0) * 1_000_000);
    }

    private static ZonedDateTime plus(ZonedDateTime time, TimeOffset offset) {
        if (offset == null) {
            return time;
        }
        return time.plusYears(or(offset.years(), 0))
                .plusMonths(3L * or(offset.quarters(), 0) + or(offset.months(), 0))
                .plusWeeks(or(offset.weeks(), 0))
                .plusDays(or(offset.days(), 0))
                .plusHours(or(offset.hours(), 0))
                .plusMinutes(or(offset.minutes(), 0))
                .plusSeconds(or(offset.seconds(), 0))
                .plusNanos(or(offset.milliseconds(), 0) * 1_000_000L);
    }

    private static ZonedDateTime date(DateTimePoint point, EvaluationContext context) {
        if (point.year() == null || point.month() == null || point.day() == null) {
            throw new UnsupportedFilterException("DATE time point needs year, month and day");
        }
        return LocalDateTime.of(point.year(), point.month(), point.day(), or(point.hour(), 0), or(point.minute(), 0),
                        or(point.second(), 0), or(point.millisecond(), 0) * 1_000_000)
                .atZone(zone(point.timezoneSource(), point.zoneId(), context));
    }

    /**
     * The {@code *_WITH_ZONE_SAME_LOCAL_CONVERSION} variants read the stored value's UTC wall-clock time as a
     * wall-clock time in the zone: a date property (midnight UTC) becomes midnight in the zone.
     */
    private static ZonedDateTime referenced(PropertyReferencedTimePoint point, PropertySource source,
                                            EvaluationContext context) {
        ZoneId zone = zone(point.timezoneSource(), point.zoneId(), context);
        String type = String.valueOf(point.referenceType());
        if (!PROPERTY_REFERENCE_TYPES.contains(type)) {
            throw new UnsupportedFilterException("unsupported PROPERTY_REFERENCED referenceType: " + type);
        }
        Instant time = "UPDATED_AT".equals(type)
                ? PropertyValues.updatedAt(source, point.property())
                : PropertyValues.instant(source.value(point.property()).orElse(null));
        if (time == null) {
            return null;
        }
        return switch (type) {
            case "VALUE", "UPDATED_AT" -> time.atZone(zone);
            case "ANNIVERSARY" -> thisYear(time.atZone(zone), context);
            case "VALUE_WITH_ZONE_SAME_LOCAL_CONVERSION" -> time.atZone(ZoneOffset.UTC).withZoneSameLocal(zone);
            case "ANNIVERSARY_WITH_ZONE_SAME_LOCAL_CONVERSION" ->
                    thisYear(time.atZone(ZoneOffset.UTC).withZoneSameLocal(zone), context);
            default -> throw new IllegalStateException(type);
        };
    }

    /** The same date and time in the current year of the zone; 29 February becomes the 28th in other years. */
    private static ZonedDateTime thisYear(ZonedDateTime time, EvaluationContext context) {
        return time.withYear(context.clock().instant().atZone(time.getZone()).getYear());
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
