package dev.flowline.engine.activation;

import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.EnrolmentSchedules;
import dev.flowline.engine.enrolment.TimeRelativeTriggers;

import java.util.EnumMap;
import java.util.Map;

/**
 * Keeps each flow's recurring runs in step with its definition, as it is saved or deleted: an enabled flow with a
 * usable {@code enrollmentSchedule} has its schedule; an enabled flow whose triggers read times relative to now has
 * its time sweep; a run the flow had and no longer needs is removed. A run fired for a flow that no longer needs it does nothing
 * ({@link Activation} checks the flow as stored), so a failed removal is harmless.
 */
public final class ScheduledActivations {

    private final RecurringRuns runs;

    public ScheduledActivations(RecurringRuns runs) {
        this.runs = runs;
    }

    /**
     * Puts the runs the saved flow needs, and removes those its previous version ({@code previous}, null for a new
     * flow) needed and it does not: a flow that never needed a run costs no call.
     */
    public void saved(Flow previous, Flow saved) {
        Map<RecurringRun.Kind, RecurringRun> needed = needed(saved);
        needed.values().forEach(runs::put);
        if (previous != null) {
            needed(previous).keySet().stream().filter(kind -> !needed.containsKey(kind))
                    .forEach(kind -> runs.remove(saved.id(), kind));
        }
    }

    /** Removes the runs of a deleted flow. */
    public void deleted(Flow flow) {
        needed(flow).keySet().forEach(kind -> runs.remove(flow.id(), kind));
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
