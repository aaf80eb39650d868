package dev.flowline.engine.definition;

import java.time.LocalTime;
import java.util.List;

import static dev.flowline.engine.definition.Pointer.ROOT;
import static dev.flowline.engine.definition.Problems.quote;

/**
 * The flow's own fields: its kind, time windows, pause dates and unenrolment setting.
 * Of the fields HubSpot marks required only {@code type}, {@code objectTypeId} and {@code actions} are
 * demanded: the others have an obvious empty default (no windows, no pause dates, not enabled…).
 */
final class FlowSettingsCheck {

    private static final List<String> UNENROLLMENT_TYPES = List.of("ALL", "SELECTIVE");

    private final Problems problems;
    private final CalendarCheck calendar;

    FlowSettingsCheck(Problems problems) {
        this.problems = problems;
        this.calendar = new CalendarCheck(problems);
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
        problems.oneOf(at, "day", window.day(), CalendarCheck.DAYS);
        LocalTime start = calendar.time(window.startTime(), at.field("startTime"));
        LocalTime end = calendar.time(window.endTime(), at.field("endTime"));
        if (start != null && end != null && start.isAfter(end)) {
            problems.add(at.field("endTime"), "endTime " + end + " is before startTime " + start);
        }
    }

    private void blockedDate(BlockedDate date, Pointer at) {
        calendar.namedDate(at, "month", date.month(), "dayOfMonth", date.dayOfMonth(), date.year());
    }
}
