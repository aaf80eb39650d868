package dev.flowline.engine.definition;

import dev.flowline.engine.criteria.FilterBranch;

import java.util.List;

/**
 * Checks a flow definition before Flowline accepts it. Reports every problem, never only the first, each with
 * a JSON Pointer into the definition, so an editor can show them all next to the offending fields.
 */
public final class FlowValidator {

    private FlowValidator() {
    }

    public static List<Problem> validate(Flow flow) {
        var problems = new Problems();
        var filters = new FilterCheck(problems);
        new FlowSettingsCheck(problems).check(flow);
        new ScheduleCheck(problems).check(flow);
        new CriteriaCheck(problems, filters).check(flow);
        new ActionCheck(problems, filters, flow.eventAnchor() != null).check(flow.actions());
        new ActionGraphCheck(problems).check(flow);
        return problems.list();
    }

    /** Checks a filter branch on its own, as a list's {@code filterBranch}; {@code pointer} is where it sits. */
    public static List<Problem> validateFilterBranch(FilterBranch branch, String pointer) {
        var problems = new Problems();
        new FilterCheck(problems).branch(branch, new Pointer(pointer));
        return problems.list();
    }
}
