package dev.flowline.aws.scheduler;

import dev.flowline.engine.definition.EnrollmentSchedule;
import dev.flowline.engine.timing.CalendarNames;
import dev.flowline.engine.timing.TimesOfDay;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enrolment schedule as an EventBridge Scheduler cron expression ({@code cron(minutes hours day-of-month month
 * day-of-week year)}), read in the account's time zone. A property-based schedule runs daily: each run picks the
 * contacts whose date falls on its day. Empty for a schedule no cron can say (an unknown type, no days).
 */
final class ScheduleCron {

    private ScheduleCron() {
    }

    static Optional<String> of(EnrollmentSchedule schedule) {
        if (schedule.timeOfDay() == null) {
            return Optional.empty();
        }
        LocalTime time = TimesOfDay.of(schedule.timeOfDay());
        return days(schedule).map(days -> "cron(%d %d %s *)".formatted(time.getMinute(), time.getHour(), days));
    }

    /** The day-of-month, month and day-of-week fields. */
    private static Optional<String> days(EnrollmentSchedule schedule) {
        return switch (String.valueOf(schedule.type())) {
            case "DAILY", "PROPERTY_BASED" -> Optional.of("* * ?");
            case "WEEKLY" -> Optional.ofNullable(schedule.daysOfWeek())
                    .map(CalendarNames::daysOfWeek).filter(days -> !days.isEmpty())
                    .map(days -> "? * " + days.stream().sorted().map(ScheduleCron::name).collect(Collectors.joining(",")));
            case "MONTHLY_SPECIFIC_DAYS" -> Optional.ofNullable(schedule.daysOfMonth()).filter(days -> !days.isEmpty())
                    .map(days -> days.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")) + " * ?");
            case "MONTHLY_RELATIVE_DAYS" -> switch (String.valueOf(schedule.monthlyRelativeDays())) {
                case "FIRST_MONDAY_OF_MONTH" -> Optional.of("? * MON#1");
                case "LAST_DAY_OF_MONTH" -> Optional.of("L * ?");
                default -> Optional.empty();
            };
            case "YEARLY" -> Optional.ofNullable(schedule.dayOfMonth()).flatMap(day ->
                    CalendarNames.month(schedule.month()).map(month -> day + " " + month.getValue() + " ?"));
            default -> Optional.empty();
        };
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT);
    }
}
