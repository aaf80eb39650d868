package dev.flowline.engine.enrolment;

import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.history.FlowMetrics;

/**
 * What replacing a flow with a new revision changes for what is already under way.
 *
 * <ul>
 *   <li>Clearing all goal criteria resets the goal count and conversion rate; changing the criteria or adding
 *       filters keeps them (HubSpot's goals article).</li>
 *   <li>Enrolments keep their place by action id. One whose next action the new revision removed finds no
 *       action at its next step and completes there.</li>
 * </ul>
 */
public final class FlowRevisions {

    private final FlowMetrics metrics;

    public FlowRevisions(FlowMetrics metrics) {
        this.metrics = metrics;
    }

    /** Applies the consequences of {@code revision} replacing {@code previous}; storing it is the caller's. */
    public void revised(Flow previous, Flow revision) {
        if (previous.goalFilterBranch() != null && revision.goalFilterBranch() == null) {
            metrics.resetGoal(revision.id());
        }
    }
}
