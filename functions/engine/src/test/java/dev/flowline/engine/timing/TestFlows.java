package dev.flowline.engine.timing;

import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.simulation.SimulationReport;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/** Flows and times for the timing tests, written as HubSpot v4 JSON. */
public final class TestFlows {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final String FLOW_ID = "f1";
    /** An action type without a handler: it is skipped and recorded, and execution windows apply to it. */
    public static final String PLAIN_ACTION = "0-999999";

    private TestFlows() {
    }

    /** A wall-clock time in Paris, e.g. {@code "2026-03-28T12:00"}. */
    public static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    /** Execution times Monday to Friday, 9:00 to 17:00. */
    public static final String WEEKDAYS_9_TO_17 = """
            "timeWindows":[%s]""".formatted(String.join(",", Stream.of(
            "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").map(day -> """
            {"day":"%s","startTime":{"hour":9,"minute":0},"endTime":{"hour":17,"minute":0}}""".formatted(day))
            .toList()));

    /** A turned-on, manually enrolled contact flow starting at action "1"; {@code members} adds top-level JSON members. */
    public static Flow flow(String members, String... actions) {
        return flowEnrolledBy("""
                {"type":"MANUAL","shouldReEnroll":false}""", members, actions);
    }

    /** A turned-on contact flow with the given {@code enrollmentCriteria}, starting at action "1". */
    public static Flow flowEnrolledBy(String enrollmentCriteria, String members, String... actions) {
        return Flow.parse("""
                {"id":"%s","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","isEnabled":true,
                 "startActionId":"1","enrollmentCriteria":%s,"customProperties":{},"suppressionListIds":[],
                 "canEnrollFromSalesforce":false,"actions":[%s]%s}"""
                .formatted(FLOW_ID, enrollmentCriteria, String.join(",", actions),
                        members.isEmpty() ? "" : "," + members));
    }

    /** A built-in action with its {@code fields}; {@code next} null ends the path. */
    public static String action(String actionId, String actionTypeId, String fields, String next) {
        return """
                {"type":"SINGLE_CONNECTION","actionId":"%s","actionTypeVersion":0,"actionTypeId":"%s",%s"fields":%s}"""
                .formatted(actionId, actionTypeId, next == null ? ""
                        : "\"connection\":{\"edgeType\":\"STANDARD\",\"nextActionId\":\"" + next + "\"},", fields);
    }

    /** When the history first records action {@code actionId} of the enrolment. */
    public static Instant ranAt(SimulationReport report, String enrolmentId, String actionId) {
        return entries(report, enrolmentId, actionId).getFirst().at();
    }

    public static List<HistoryEntry> entries(SimulationReport report, String enrolmentId, String actionId) {
        return report.history().ofEnrolment(enrolmentId).stream()
                .filter(entry -> actionId.equals(entry.actionId()))
                .toList();
    }
}
