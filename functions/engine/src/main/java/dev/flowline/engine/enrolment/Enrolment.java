package dev.flowline.engine.enrolment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One contact's pass through one flow. {@code sequence} numbers its steps: a step message names the
 * sequence it expects, and the store advances it with a conditional write, so a duplicate or stale message
 * finds a different sequence and does nothing.
 *
 * @param currentActionId  the action the next step runs; null once the path has ended
 * @param dueAt            when the next step is due (a delay's end, a time window's opening); null for "now"
 * @param eventWait        set while waiting at a "delay until event" action
 * @param outputs          outputs of executed actions by action id, read by value-equals branches (FIELD_DATA)
 * @param sentMarketingEmail whether the flow sent this enrolment a marketing email (goal conversions count only those)
 */
public record Enrolment(
        String enrolmentId,
        String flowId,
        String contactId,
        int number,
        EnrolmentSource source,
        EnrolmentStatus status,
        String currentActionId,
        long sequence,
        Instant enrolledAt,
        Instant dueAt,
        EventWait eventWait,
        Map<String, Map<String, String>> outputs,
        boolean sentMarketingEmail,
        boolean goalConverted,
        Instant endedAt,
        UnenrolmentReason unenrolmentReason) {

    public Enrolment {
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
    }

    public static String idOf(String flowId, String contactId, int number) {
        return flowId + ":" + contactId + ":" + number;
    }

    public static Enrolment start(String flowId, String contactId, int number, EnrolmentSource source,
                                  String startActionId, Instant at) {
        return new Enrolment(idOf(flowId, contactId, number), flowId, contactId, number, source,
                EnrolmentStatus.ACTIVE, startActionId, 0, at, null, null, Map.of(), false, false, null, null);
    }

    public boolean isActive() {
        return status == EnrolmentStatus.ACTIVE;
    }

    /** Completed after a marketing email, goal not met yet: meeting the goal later still counts a conversion. */
    public boolean isConvertible() {
        return status == EnrolmentStatus.COMPLETED && sentMarketingEmail && !goalConverted;
    }

    public StepMessage nextStep() {
        return new StepMessage(enrolmentId, sequence);
    }

    /** Moves on to {@code nextActionId} (null: the path ends), due at {@code dueAt} (null: now). */
    public Enrolment advance(String nextActionId, Instant dueAt) {
        return new Enrolment(enrolmentId, flowId, contactId, number, source, status, nextActionId, sequence + 1,
                enrolledAt, dueAt, null, outputs, sentMarketingEmail, goalConverted, endedAt, unenrolmentReason);
    }

    /** Stays on the current action until {@code dueAt} (a time window's opening, a pending delivery). */
    public Enrolment postpone(Instant dueAt) {
        return new Enrolment(enrolmentId, flowId, contactId, number, source, status, currentActionId, sequence + 1,
                enrolledAt, dueAt, eventWait, outputs, sentMarketingEmail, goalConverted, endedAt, unenrolmentReason);
    }

    /** Waits at the current action for an event, until {@code wait.expiresAt()}. */
    public Enrolment waitFor(EventWait wait) {
        return new Enrolment(enrolmentId, flowId, contactId, number, source, status, currentActionId, sequence + 1,
                enrolledAt, wait.expiresAt(), wait, outputs, sentMarketingEmail, goalConverted, endedAt,
                unenrolmentReason);
    }

    public Enrolment withOutput(String actionId, Map<String, String> output) {
        var all = new HashMap<>(outputs);
        all.put(actionId, Map.copyOf(output));
        return new Enrolment(enrolmentId, flowId, contactId, number, source, status, currentActionId, sequence,
                enrolledAt, dueAt, eventWait, all, sentMarketingEmail, goalConverted, endedAt, unenrolmentReason);
    }

    public Enrolment withMarketingEmailSent() {
        return new Enrolment(enrolmentId, flowId, contactId, number, source, status, currentActionId, sequence,
                enrolledAt, dueAt, eventWait, outputs, true, goalConverted, endedAt, unenrolmentReason);
    }

    public Enrolment withGoalConverted() {
        return new Enrolment(enrolmentId, flowId, contactId, number, source, status, currentActionId, sequence + 1,
                enrolledAt, dueAt, eventWait, outputs, sentMarketingEmail, true, endedAt, unenrolmentReason);
    }

    public Enrolment complete(Instant at) {
        return new Enrolment(enrolmentId, flowId, contactId, number, source, EnrolmentStatus.COMPLETED, null,
                sequence + 1, enrolledAt, null, null, outputs, sentMarketingEmail, goalConverted, at, null);
    }

    public Enrolment unenrol(UnenrolmentReason reason, Instant at) {
        return new Enrolment(enrolmentId, flowId, contactId, number, source, EnrolmentStatus.UNENROLLED,
                currentActionId, sequence + 1, enrolledAt, null, null, outputs, sentMarketingEmail, goalConverted,
                at, reason);
    }
}
