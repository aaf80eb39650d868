package dev.flowline.engine.enrolment;

import dev.flowline.engine.action.ActionContext;
import dev.flowline.engine.action.StepResult;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Action;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.record.HistoryEntry;
import dev.flowline.engine.record.HistoryKind;
import dev.flowline.engine.record.Metric;
import dev.flowline.engine.timing.ExecutionWindows;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one step of one enrolment: the step message names the sequence it expects, so a duplicate or stale
 * message does nothing. Before each action the goal and suppression lists are checked; actions other than
 * delays and branches wait for the flow's execution window.
 */
public final class StepRunner {

    /** The output a "delay until event" action exposes to later value-equals branches. */
    public static final String EVENT_CRITERIA_MET = "hs_event_criteria_met";

    private final EngineContext engine;
    private final Guards guards;
    private final Unenroller unenroller;

    public StepRunner(EngineContext engine, Unenroller unenroller) {
        this.engine = engine;
        this.guards = new Guards(engine);
        this.unenroller = unenroller;
    }

    public void run(StepMessage step) {
        Optional<Enrolment> found = engine.enrolments().find(step.enrolmentId());
        if (found.isEmpty() || !found.get().isActive() || found.get().sequence() != step.sequence()) {
            return;
        }
        Enrolment enrolment = found.get();
        Instant now = engine.clock().instant();
        if (enrolment.dueAt() != null && now.isBefore(enrolment.dueAt())) {
            engine.steps().schedule(step, enrolment.dueAt());
            return;
        }
        Optional<Flow> flow = engine.flows().find(enrolment.flowId());
        if (flow.isEmpty()) {
            unenroller.unenrol(enrolment, UnenrolmentReason.FLOW_DELETED);
            return;
        }
        Optional<Contact> contact = engine.contacts().find(enrolment.contactId());
        if (contact.isEmpty()) {
            unenroller.unenrol(enrolment, UnenrolmentReason.CONTACT_DELETED);
            return;
        }
        if (enrolment.eventWait() != null) {
            resumeAfterWait(enrolment, flow.get(), false);
            return;
        }
        runAction(enrolment, flow.get(), contact.get(), now);
    }

    /** Resumes an enrolment waiting at a "delay until event" action: the event came, or the wait expired. */
    public boolean resumeAfterWait(Enrolment enrolment, Flow flow, boolean eventCame) {
        String actionId = enrolment.eventWait().actionId();
        String next = flow.action(actionId).flatMap(StepRunner::standardNext).orElse(null);
        Enrolment resumed = enrolment.withOutput(actionId, Map.of(EVENT_CRITERIA_MET, String.valueOf(eventCame)))
                .advance(next, null);
        if (!engine.enrolments().update(resumed, enrolment.sequence())) {
            return false;
        }
        record(enrolment, HistoryKind.ACTION_SUCCEEDED, actionId,
                eventCame ? "the event happened" : "the wait for the event expired");
        engine.steps().schedule(resumed.nextStep(), null);
        return true;
    }

    private void runAction(Enrolment enrolment, Flow flow, Contact contact, Instant now) {
        Optional<Action> action = Optional.ofNullable(enrolment.currentActionId()).flatMap(flow::action);
        if (action.isEmpty()) {
            complete(enrolment, now);
            return;
        }
        Optional<UnenrolmentReason> exit = guards.beforeStep(flow, contact);
        if (exit.isPresent()) {
            unenroller.unenrol(enrolment, exit.get());
            return;
        }
        if (!ActionKinds.isDelayOrBranch(action.get())) {
            Instant allowed = ExecutionWindows.of(flow, engine.timeZone()).nextAllowed(now, enrolment.enrolmentId());
            if (allowed.isAfter(now)) {
                Enrolment postponed = enrolment.postpone(allowed);
                if (engine.enrolments().update(postponed, enrolment.sequence())) {
                    record(enrolment, HistoryKind.RESCHEDULED, action.get().actionId(),
                            "outside the workflow's execution times: moved to " + allowed);
                    engine.steps().schedule(postponed.nextStep(), allowed);
                }
                return;
            }
        }
        var context = new ActionContext(flow, enrolment, contact, now, engine.timeZone(), engine.evaluation(),
                enrolment.nextStep().idempotencyKey());
        StepResult result = flow.enabled() || ActionKinds.isDelayOrBranch(action.get())
                ? engine.actions().execute(action.get(), context)
                : StepResult.next(standardNext(action.get()).orElse(null),
                StepResult.Outcome.skipped("the workflow is turned off: only delays run"));
        apply(enrolment, context, action.get(), result);
    }

    private void apply(Enrolment enrolment, ActionContext context, Action action, StepResult result) {
        Enrolment after = context.enrolment();
        switch (result) {
            case StepResult.Next next -> {
                Enrolment moved = next.outputs().isEmpty() ? after : after.withOutput(action.actionId(), next.outputs());
                if (next.outcome().status() == StepResult.Status.SUCCEEDED && ActionKinds.sendsMarketingEmail(action)) {
                    moved = moved.withMarketingEmailSent();
                }
                moved = moved.advance(next.nextActionId(), next.dueAt());
                if (engine.enrolments().update(moved, enrolment.sequence())) {
                    saveChanges(context.contact());
                    record(enrolment, kindOf(next.outcome().status()), action.actionId(), next.outcome().detail());
                    engine.steps().schedule(moved.nextStep(), next.dueAt());
                }
            }
            case StepResult.WaitForEvent wait -> {
                Enrolment waiting = after.waitFor(new EventWait(action.actionId(), context.now(), wait.expiresAt()));
                if (engine.enrolments().update(waiting, enrolment.sequence())) {
                    record(enrolment, HistoryKind.WAITING, action.actionId(), "waiting for the event until " + wait.expiresAt());
                    engine.steps().schedule(waiting.nextStep(), wait.expiresAt());
                }
            }
            case StepResult.Retry retry -> {
                Enrolment stateful = retry.outputs().isEmpty() ? after : after.withOutput(action.actionId(), retry.outputs());
                Enrolment postponed = stateful.postpone(retry.retryAt());
                if (engine.enrolments().update(postponed, enrolment.sequence())) {
                    record(enrolment, HistoryKind.ACTION_PENDING, action.actionId(), retry.detail());
                    engine.steps().schedule(postponed.nextStep(), retry.retryAt());
                }
            }
        }
    }

    /** Saves what the action changed on the contact and tells the bus, so that other flows can react. */
    private void saveChanges(Contact contact) {
        var changed = contact.takeChanges();
        if (contact.takeMembershipChanges() || !changed.isEmpty()) {
            engine.contacts().save(contact);
        }
        if (!changed.isEmpty()) {
            engine.events().propertiesChanged(contact.id(), changed);
        }
    }

    private void complete(Enrolment enrolment, Instant now) {
        Enrolment done = enrolment.complete(now);
        if (engine.enrolments().update(done, enrolment.sequence())) {
            record(enrolment, HistoryKind.COMPLETED, null, "reached the end of the workflow");
            engine.metrics().increment(enrolment.flowId(), Metric.COMPLETED);
        }
    }

    private void record(Enrolment enrolment, HistoryKind kind, String actionId, String detail) {
        engine.history().append(new HistoryEntry(enrolment.enrolmentId(), enrolment.flowId(), enrolment.contactId(),
                engine.clock().instant(), kind, actionId, detail));
        if (actionId != null && kind != HistoryKind.RESCHEDULED) {
            engine.metrics().action(enrolment.flowId(), actionId, kind);
        }
    }

    private static HistoryKind kindOf(StepResult.Status status) {
        return switch (status) {
            case SUCCEEDED -> HistoryKind.ACTION_SUCCEEDED;
            case SKIPPED -> HistoryKind.ACTION_SKIPPED;
            case FAILED -> HistoryKind.ACTION_FAILED;
        };
    }

    private static Optional<String> standardNext(Action action) {
        return action.edges().stream().findFirst().map(edge -> edge.connection().nextActionId());
    }
}
