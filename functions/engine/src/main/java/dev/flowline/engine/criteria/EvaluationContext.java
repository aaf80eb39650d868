package dev.flowline.engine.criteria;

import java.time.Clock;
import java.time.ZoneId;

/**
 * What filter evaluation needs besides the contact: the time (from an injected clock), the account's time
 * zone for calendar dates, the lists filters refer to, workflow statuses and the contact's associated records.
 */
public record EvaluationContext(Clock clock, ZoneId timeZone, ListDirectory lists, WorkflowStatuses workflows,
                                AssociatedRecords associations) {

    public static EvaluationContext of(Clock clock) {
        return new EvaluationContext(clock, clock.getZone(), ListDirectory.NONE, WorkflowStatuses.NONE,
                AssociatedRecords.NONE);
    }

    public EvaluationContext withLists(ListDirectory lists) {
        return new EvaluationContext(clock, timeZone, lists, workflows, associations);
    }

    public EvaluationContext withWorkflows(WorkflowStatuses workflows) {
        return new EvaluationContext(clock, timeZone, lists, workflows, associations);
    }

    public EvaluationContext withAssociations(AssociatedRecords associations) {
        return new EvaluationContext(clock, timeZone, lists, workflows, associations);
    }
}
