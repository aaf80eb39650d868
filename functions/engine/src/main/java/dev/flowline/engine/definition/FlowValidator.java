package dev.flowline.engine.definition;

import dev.flowline.engine.criteria.FilterBranch;

import java.util.List;
import java.util.Set;

/**
 * Checks a flow definition before Flowline accepts it. Reports every problem, never only the first, each with
 * a JSON Pointer into the definition, so an editor can show them all next to the offending fields.
 */
public final class FlowValidator {

    private FlowValidator() {
    }

    /** Checks a flow where webhooks are HTTPS only. */
    public static List<Problem> validate(Flow flow) {
        return validate(flow, Set.of());
    }

    /**
     * Checks a flow whose webhooks may also call {@code plainHttpHosts} over plain http: the hosts the deployment's
     * webhook caller allows so ({@code FLOWLINE_WEBHOOK_HTTP_HOSTS}), so that a flow saved is a flow it can call.
     */
    public static List<Problem> validate(Flow flow, Set<String> plainHttpHosts) {
        var problems = new Problems();
        var settings = new FlowSettingsCheck(problems);
        if (!settings.kind(flow)) {
            return problems.list(); // not run by Flowline: kept as it came, its parts unread
        }
        var filters = new FilterCheck(problems);
        settings.check(flow);
        new ScheduleCheck(problems).check(flow);
        new CriteriaCheck(problems, filters).check(flow);
        new ActionCheck(problems, filters, flow.eventAnchor() != null, plainHttpHosts).check(flow.actions());
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
