package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.history.Metric;

import java.util.Map;

/**
 * Ends enrolments early, and counts goal conversions: only for enrolments the flow sent a marketing email,
 * once each, also after the enrolment completed.
 */
public final class Unenroller {

    private final EngineContext engine;

    public Unenroller(EngineContext engine) {
        this.engine = engine;
    }

    /** Unenrols an active enrolment; false when it had already moved on (a concurrent change won). */
    public boolean unenrol(Enrolment enrolment, UnenrolmentReason reason) {
        return unenrol(enrolment, reason, describe(reason));
    }

    /** Unenrols an active enrolment, saying why in the history in {@code detail}. */
    public boolean unenrol(Enrolment enrolment, UnenrolmentReason reason, String detail) {
        if (!enrolment.isActive()) {
            return false;
        }
        var now = engine.clock().instant();
        Enrolment ended = enrolment.unenrol(reason, now);
        if (reason == UnenrolmentReason.GOAL_MET && enrolment.sentMarketingEmail()) {
            ended = ended.withGoalConverted();
        }
        if (!engine.enrolments().update(ended, enrolment.sequence())) {
            return false;
        }
        // the history and the counts first: the events go on the bus last, as a bus that refuses them fails the
        // message, whose retry finds the enrolment ended
        if (reason == UnenrolmentReason.GOAL_MET) {
            recordGoalMet(ended, now);
        }
        engine.history().append(new HistoryEntry(ended.enrolmentId(), ended.flowId(), ended.contactId(), now,
                HistoryKind.UNENROLLED, ended.currentActionId(), "unenrolled: " + detail));
        engine.metrics().increment(ended.flowId(), Metric.UNENROLLED);
        engine.metrics().unenrolled(ended.flowId(), reason);
        if (reason == UnenrolmentReason.GOAL_MET) {
            publishGoalMet(ended, now);
        }
        engine.events().activity(ended.contactId(), new ActivityEvent(StandardEvents.WORKFLOW_UNENROLLED, now,
                Map.of(StandardEvents.FLOW_ID, ended.flowId())));
        return true;
    }

    /** Counts a conversion for a completed enrolment that was sent a marketing email and now meets the goal. */
    public boolean convertAfterCompletion(Enrolment completed) {
        if (completed.status() != EnrolmentStatus.COMPLETED || !completed.sentMarketingEmail()
                || completed.goalConverted()) {
            return false;
        }
        Enrolment converted = completed.withGoalConverted();
        if (!engine.enrolments().update(converted, completed.sequence())) {
            return false;
        }
        var now = engine.clock().instant();
        recordGoalMet(converted, now);
        publishGoalMet(converted, now);
        return true;
    }

    private void recordGoalMet(Enrolment enrolment, java.time.Instant now) {
        String detail = enrolment.goalConverted() ? "met the goal (counted as a conversion)"
                : "met the goal (not counted: no marketing email was sent by this workflow)";
        engine.history().append(new HistoryEntry(enrolment.enrolmentId(), enrolment.flowId(), enrolment.contactId(),
                now, HistoryKind.GOAL_MET, null, detail));
        if (enrolment.goalConverted()) {
            engine.metrics().increment(enrolment.flowId(), Metric.GOAL_CONVERSIONS);
        }
    }

    private void publishGoalMet(Enrolment enrolment, java.time.Instant now) {
        if (enrolment.goalConverted()) {
            engine.events().activity(enrolment.contactId(), new ActivityEvent(StandardEvents.WORKFLOW_GOAL_MET, now,
                    Map.of(StandardEvents.FLOW_ID, enrolment.flowId())));
        }
    }

    private static String describe(UnenrolmentReason reason) {
        return switch (reason) {
            case GOAL_MET -> "met the workflow's goal";
            case SUPPRESSION_LIST -> "found in a suppression list";
            case NO_LONGER_MEETS_CRITERIA -> "no longer meets the enrolment triggers";
            case ENROLLED_IN_OTHER_WORKFLOW -> "enrolled in another workflow that unenrols from this one";
            case MANUAL -> "unenrolled by hand";
            case CONTACT_DELETED -> "the contact was deleted";
            case FLOW_DELETED -> "the workflow was deleted";
            case ACTION_CANNOT_RUN -> "an action of the workflow cannot run";
        };
    }
}
