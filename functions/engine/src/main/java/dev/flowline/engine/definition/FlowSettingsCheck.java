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
    private static final List<String> FLOW_TYPES = List.of(Flow.CONTACT_FLOW, "PLATFORM_FLOW");

    private final Problems problems;
    private final CalendarCheck calendar;

    FlowSettingsCheck(Problems problems) {
        this.problems = problems;
        this.calendar = new CalendarCheck(problems);
    }

    /**
     * A flow on other objects than contacts ({@code PLATFORM_FLOW}, or another {@code objectTypeId}) is kept as it
     * is, but cannot be turned on: Flowline runs contact flows only. Returns whether the flow is a contact flow,
     * whose every part the other checks then read.
     */
    boolean kind(Flow flow) {
        if (flow.type() != null && !problems.oneOf(ROOT, "type", flow.type(), FLOW_TYPES)) {
            return false;
        }
        problems.require(ROOT, "type", flow.type());
        problems.require(ROOT, "objectTypeId", flow.objectTypeId());
        boolean contactFlow = (flow.type() == null || Flow.CONTACT_FLOW.equals(flow.type()))
                && (flow.objectTypeId() == null || Flow.CONTACT_OBJECT.equals(flow.objectTypeId()));
        if (!contactFlow && flow.enabled()) {
            problems.add(ROOT.field("isEnabled"), "a " + flow.type() + " on objects " + quote(flow.objectTypeId())
                    + " is kept but cannot be turned on: Flowline runs contact flows (CONTACT_FLOW on 0-1) only");
        }
        return contactFlow;
    }

    void check(Flow flow) {
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
