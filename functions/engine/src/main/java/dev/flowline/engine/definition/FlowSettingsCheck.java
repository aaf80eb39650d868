package dev.flowline.engine.definition;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.ChronoField;
import java.util.List;

import static dev.flowline.engine.definition.Pointer.ROOT;
import static dev.flowline.engine.definition.Problems.quote;

/**
 * The flow's own fields: its kind, time windows, pause dates and unenrolment setting.
 * Of the fields HubSpot marks required only {@code type}, {@code objectTypeId} and {@code actions} are
 * demanded: the others have an obvious empty default (no windows, no pause dates, not enabled…).
 */
final class FlowSettingsCheck {

    private static final List<String> DAYS = List.of(
            "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    private static final List<String> MONTHS = List.of("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
            "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER");
    private static final List<String> UNENROLLMENT_TYPES = List.of("ALL", "SELECTIVE");

    private final Problems problems;

    FlowSettingsCheck(Problems problems) {
        this.problems = problems;
    }

    void check(Flow flow) {
        if (problems.require(ROOT, "type", flow.type()) && !Flow.CONTACT_FLOW.equals(flow.type())) {
            problems.add(ROOT.field("type"), "type " + quote(flow.type())
                    + " is not supported: Flowline runs contact flows (CONTACT_FLOW)");
        }
        if (problems.require(ROOT, "objectTypeId", flow.objectTypeId())
                && !Flow.CONTACT_OBJECT.equals(flow.objectTypeId())) {
            problems.add(ROOT.field("objectTypeId"), "objectTypeId " + quote(flow.objectTypeId())
                    + " is not supported: Flowline runs contact flows (0-1)");
        }
        problems.require(ROOT, "actions", flow.actions());
        problems.each(flow.timeWindows(), ROOT.field("timeWindows"), this::timeWindow);
        problems.each(flow.blockedDates(), ROOT.field("blockedDates"), this::blockedDate);
        if (flow.unEnrollmentSetting() != null) {
            problems.oneOf(ROOT.field("unEnrollmentSetting"), "type", flow.unEnrollmentSetting().type(),
                    UNENROLLMENT_TYPES);
        }
    }

    private void timeWindow(TimeWindow window, Pointer at) {
        problems.oneOf(at, "day", window.day(), DAYS);
        LocalTime start = time(window.startTime(), at.field("startTime"));
        LocalTime end = time(window.endTime(), at.field("endTime"));
        if (start != null && end != null && start.isAfter(end)) {
            problems.add(at.field("endTime"), "endTime " + end + " is before startTime " + start);
        }
    }

    /** The time of day, or null when it is absent or out of range (reported). */
    private LocalTime time(TimeOfDay time, Pointer at) {
        if (time == null) {
            return null;
        }
        boolean hour = inRange(time.hour(), ChronoField.HOUR_OF_DAY, at, "hour");
        boolean minute = inRange(time.minute(), ChronoField.MINUTE_OF_HOUR, at, "minute");
        return hour && minute ? LocalTime.of(time.hour(), time.minute()) : null;
    }

    private boolean inRange(Integer value, ChronoField field, Pointer at, String name) {
        if (!problems.require(at, name, value)) {
            return false;
        }
        if (!field.range().isValidIntValue(value)) {
            problems.add(at.field(name), name + " " + value + " must be between "
                    + field.range().getMinimum() + " and " + field.range().getMaximum());
            return false;
        }
        return true;
    }

    private void blockedDate(BlockedDate date, Pointer at) {
        boolean month = problems.oneOf(at, "month", date.month(), MONTHS);
        if (!problems.require(at, "dayOfMonth", date.dayOfMonth()) || !month) {
            return;
        }
        // Without a year the date recurs, so 29 February is allowed.
        int year = date.year() != null ? date.year() : 2000;
        try {
            LocalDate.of(year, Month.valueOf(date.month()), date.dayOfMonth());
        } catch (DateTimeException e) {
            problems.add(at.field("dayOfMonth"), "dayOfMonth " + date.dayOfMonth() + " does not exist in "
                    + date.month() + (date.year() != null ? " " + date.year() : ""));
        }
    }
}
