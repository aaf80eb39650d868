package dev.flowline.engine.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.definition.Action;
import dev.flowline.engine.definition.ActionType;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.json.FlowlineJson;

import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reacts to a contact change for the flows the contact is in: unenrols it when it meets a goal or joins a
 * suppression list, counts late goal conversions of completed enrolments, and resumes enrolments waiting
 * for an event that just happened.
 */
public final class GoalChecker {

    private final EngineContext engine;
    private final Guards guards;
    private final Unenroller unenroller;
    private final StepRunner steps;
    private final BooleanSupplier journeysWaitForEvents;
    private volatile Watched watched;

    /** {@code journeysWaitForEvents}: whether a published journey has a stage that waits for an event. */
    public GoalChecker(EngineContext engine, Unenroller unenroller, StepRunner steps,
                       BooleanSupplier journeysWaitForEvents) {
        this.engine = engine;
        this.guards = new Guards(engine);
        this.unenroller = unenroller;
        this.steps = steps;
        this.journeysWaitForEvents = journeysWaitForEvents;
    }

    /**
     * Whether a contact change can concern an enabled flow, one with a goal, a suppression list or a "delay until an
     * event" action, or a published journey with a stage that waits for an event. When none has, a change is not
     * checked at all: neither the contact nor its enrolments are read (a turned-off flow's goal and suppression lists
     * are still checked before each of its steps), and the trigger evaluator does not even send it on.
     */
    public boolean watchesChanges() {
        Collection<Flow> enabled = engine.flows().enabledFlows();
        Watched seen = watched;
        if (seen == null || seen.flows() != enabled) {
            seen = new Watched(enabled, enabled.stream().anyMatch(GoalChecker::watches));
            watched = seen;
        }
        return seen.any() || journeysWaitForEvents.getAsBoolean();
    }

    /** Whether any of the enabled flows (as the flow store last gave them) watches contact changes. */
    private record Watched(Collection<Flow> flows, boolean any) {
    }

    private static boolean watches(Flow flow) {
        return flow.goalFilterBranch() != null
                || flow.suppressionListIds() != null && !flow.suppressionListIds().isEmpty()
                || waitsForEvents(flow.actions());
    }

    /** Whether {@code actions} have a "delay until an event", whose waits this resumes. */
    public static boolean waitsForEvents(List<Action> actions) {
        return actions != null && actions.stream().anyMatch(action -> action instanceof SingleConnectionAction single
                && ActionType.DELAY_UNTIL_EVENT.id().equals(single.actionTypeId()));
    }

    /** One read of the contact's enrolments serves both the active ones and the completed ones to convert. */
    public void onChange(Contact contact, List<ActivityEvent> events) {
        List<Enrolment> enrolments = engine.enrolments().allOfContact(contact.id());
        for (Enrolment enrolment : enrolments) {
            if (enrolment.isActive()) {
                engine.flows().find(enrolment.flowId()).ifPresent(flow -> checkActive(flow, enrolment, contact, events));
            }
        }
        for (Enrolment enrolment : enrolments) {
            if (enrolment.isConvertible()) {
                convertCompleted(enrolment, contact);
            }
        }
    }

    private void checkActive(Flow flow, Enrolment enrolment, Contact contact, List<ActivityEvent> events) {
        if (guards.meetsGoal(flow, contact)) {
            unenroller.unenrol(enrolment, UnenrolmentReason.GOAL_MET);
        } else if (guards.inSuppressionList(flow, contact)) {
            unenroller.unenrol(enrolment, UnenrolmentReason.SUPPRESSION_LIST);
        } else if (enrolment.eventWait() != null && awaitedEventCame(flow, enrolment, contact, events)) {
            steps.resumeAfterWait(enrolment, flow, true);
        }
    }

    /** Completed enrolments that were sent a marketing email still count a conversion when the goal is met. */
    private void convertCompleted(Enrolment enrolment, Contact contact) {
        engine.flows().find(enrolment.flowId())
                .filter(flow -> guards.meetsGoal(flow, contact))
                .ifPresent(flow -> unenroller.convertAfterCompletion(enrolment));
    }

    private boolean awaitedEventCame(Flow flow, Enrolment enrolment, Contact contact, List<ActivityEvent> events) {
        var action = flow.action(enrolment.eventWait().actionId());
        if (action.isEmpty() || !(action.get() instanceof SingleConnectionAction wait) || wait.fields() == null) {
            return false;
        }
        JsonNode branches = wait.fields().path("event_filter_branches");
        for (JsonNode node : branches) {
            FilterBranch branch = FlowlineJson.read(node, FilterBranch.class);
            for (ActivityEvent event : events) {
                if (!event.occurredAt().isBefore(enrolment.eventWait().since())
                        && engine.filters().eventMatches(branch, event, contact, engine.evaluation())) {
                    return true;
                }
            }
        }
        return false;
    }
}
