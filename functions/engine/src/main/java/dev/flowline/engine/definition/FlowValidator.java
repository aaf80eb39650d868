package dev.flowline.engine.definition;

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
        new CriteriaCheck(problems, filters).check(flow);
        new ActionCheck(problems, filters, flow.eventAnchor() != null).check(flow.actions());
        new ActionGraphCheck(problems).check(flow);
        return problems.list();
    }
}
