package dev.flowline.engine.activation;

import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.EnrolmentSchedules;
import dev.flowline.engine.enrolment.TimeRelativeTriggers;

import java.util.EnumMap;
import java.util.Map;

/**
 * Keeps each flow's recurring runs in step with its definition, as it is saved or deleted: an enabled flow with a
 * usable {@code enrollmentSchedule} has its schedule; an enabled flow whose triggers read times relative to now has
 * its time sweep; any other run of the flow is removed. A run fired for a flow that no longer needs it does nothing
 * ({@link Activation} checks the flow as stored), so a failed removal is harmless.
 */
public final class ScheduledActivations {

    private final RecurringRuns runs;

    public ScheduledActivations(RecurringRuns runs) {
        this.runs = runs;
    }

    /** Puts the runs the saved flow needs, and removes the others. */
    public void saved(Flow flow) {
        Map<RecurringRun.Kind, RecurringRun> needed = needed(flow);
        for (RecurringRun.Kind kind : RecurringRun.Kind.values()) {
            RecurringRun run = needed.get(kind);
            if (run != null) {
                runs.put(run);
            } else {
                runs.remove(flow.id(), kind);
            }
        }
    }

    /** Removes every run of a deleted flow. */
    public void deleted(String flowId) {
        for (RecurringRun.Kind kind : RecurringRun.Kind.values()) {
            runs.remove(flowId, kind);
        }
    }

    /** The runs the flow needs as it is defined now. */
    public static Map<RecurringRun.Kind, RecurringRun> needed(Flow flow) {
        var needed = new EnumMap<RecurringRun.Kind, RecurringRun>(RecurringRun.Kind.class);
        if (!flow.enabled()) {
            return needed;
        }
        if (EnrolmentSchedules.usable(flow)) {
            needed.put(RecurringRun.Kind.ENROLMENT_SCHEDULE,
                    new RecurringRun(flow.id(), RecurringRun.Kind.ENROLMENT_SCHEDULE, flow.enrollmentSchedule()));
        }
        if (TimeRelativeTriggers.reads(flow)) {
            needed.put(RecurringRun.Kind.TIME_SWEEP, new RecurringRun(flow.id(), RecurringRun.Kind.TIME_SWEEP, null));
        }
        return needed;
    }
}
