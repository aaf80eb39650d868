package dev.flowline.engine.definition;

import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.flowline.engine.definition.Pointer.ROOT;

/**
 * The flow's calendar: its recurring {@code enrollmentSchedule} (reference 2.3) and the {@code eventAnchor} of a
 * date-centred flow. Whatever passes can be turned into run days and anchor dates without failing.
 */
final class ScheduleCheck {

    private static final List<String> SCHEDULE_TYPES = List.of("DAILY", "WEEKLY", "MONTHLY_SPECIFIC_DAYS",
            "MONTHLY_RELATIVE_DAYS", "YEARLY", "PROPERTY_BASED");
    private static final List<String> RELATIVE_DAYS = List.of("FIRST_MONDAY_OF_MONTH", "LAST_DAY_OF_MONTH");
    private static final List<String> ANCHOR_TYPES = List.of("CONTACT_PROPERTY_ANCHOR", "STATIC_DATE_ANCHOR");
    /** A property date moves by at most as many days as a delay waits. */
    static final long MAX_DAYS_DELTA = NumberRanges.largest(ChronoUnit.DAYS, NumberRanges.LONGEST_WAIT);

    private final Problems problems;
    private final CalendarCheck calendar;

    ScheduleCheck(Problems problems) {
        this.problems = problems;
        this.calendar = new CalendarCheck(problems);
    }

    void check(Flow flow) {
        if (flow.enrollmentSchedule() != null) {
            schedule(flow.enrollmentSchedule(), ROOT.field("enrollmentSchedule"));
        }
        if (flow.eventAnchor() != null) {
            anchor(flow.eventAnchor(), ROOT.field("eventAnchor"));
        }
    }

    private void schedule(EnrollmentSchedule schedule, Pointer at) {
        if (problems.require(at, "timeOfDay", schedule.timeOfDay())) {
            calendar.time(schedule.timeOfDay(), at.field("timeOfDay"));
        }
        if (!problems.oneOf(at, "type", schedule.type(), SCHEDULE_TYPES)) {
            return;
        }
        switch (schedule.type()) {
            case "WEEKLY" -> {
                if (problems.require(at, "daysOfWeek", schedule.daysOfWeek())) {
                    calendar.dayNames(schedule.daysOfWeek(), at.field("daysOfWeek"));
                }
            }
            case "MONTHLY_SPECIFIC_DAYS" -> {
                if (problems.require(at, "daysOfMonth", schedule.daysOfMonth())) {
                    problems.each(schedule.daysOfMonth(), at.field("daysOfMonth"), (day, dayAt) -> {
                        if (day < 1 || day > 31) {
                            problems.add(dayAt, "day " + day + " must be between 1 and 31");
                        }
                    });
                }
            }
            case "MONTHLY_RELATIVE_DAYS" -> problems.oneOf(at, "monthlyRelativeDays", schedule.monthlyRelativeDays(),
                    RELATIVE_DAYS);
            case "YEARLY" ->
                    calendar.namedDate(at, "month", schedule.month(), "dayOfMonth", schedule.dayOfMonth(), null);
            case "PROPERTY_BASED" -> {
                problems.propertyName(at, "dateProperty", schedule.dateProperty());
                if (schedule.daysDelta() != null) {
                    calendar.range(schedule.daysDelta(), -MAX_DAYS_DELTA, MAX_DAYS_DELTA, at, "daysDelta");
                }
            }
            default -> {
                // DAILY runs every day at its time
            }
        }
    }

    private void anchor(EventAnchor anchor, Pointer at) {
        if (!problems.oneOf(at, "type", anchor.type(), ANCHOR_TYPES)) {
            return;
        }
        if ("CONTACT_PROPERTY_ANCHOR".equals(anchor.type())) {
            problems.propertyName(at, "contactProperty", anchor.contactProperty());
        } else if (calendar.namedDate(at, "month", anchor.month(), "dayOfMonth", anchor.dayOfMonth(), anchor.year())
                && anchor.year() != null && !NumberRanges.leavesRoomToWait(LocalDate.of(anchor.year(),
                Month.valueOf(anchor.month()), anchor.dayOfMonth()).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            problems.add(at.field("year"), "year " + anchor.year() + " leaves no room for the delays counting from"
                    + " the anchor: its date must be " + FieldValuesCheck.DELAY_DATES);
        }
    }
}
