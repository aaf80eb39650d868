package dev.flowline.engine.enrolment;

import dev.flowline.engine.action.ActionContext;
import dev.flowline.engine.action.StepResult;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.UnsupportedFilterException;
import dev.flowline.engine.definition.Action;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.history.Metric;
import dev.flowline.engine.timing.ExecutionWindows;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one step of one enrolment: the step message names the sequence it expects, so a duplicate or stale
 * message does nothing. Once a step has moved its enrolment on, the contact's changes, the history and the counts
 * are written before the bus is told (which may refuse) and the next step is queued; a message one step behind
 * its enrolment queues the enrolment's step again (its first handling may have failed before queueing it), so
 * that a failure after the move never strands the enrolment. Before each action the goal and suppression lists are checked; actions other than
 * delays and branches wait for the flow's execution window. A step its definition cannot run (a value out of range
 * in a flow stored before it was validated) ends the enrolment with {@link UnenrolmentReason#ACTION_CANNOT_RUN}
 * rather than failing every delivery until the message is dead-lettered and the enrolment stranded.
 */
public final class StepRunner {

    /** The output a "delay until event" action exposes to later value-equals branches. */
    public static final String EVENT_CRITERIA_MET = "hs_event_criteria_met";

    /** The most steps one step message runs: its own and the immediately due ones after it. */
    static final int MAX_STEPS_PER_RUN = 25;

    private final EngineContext engine;
    private final Guards guards;
    private final Unenroller unenroller;

    public StepRunner(EngineContext engine, Unenroller unenroller) {
        this.engine = engine;
        this.guards = new Guards(engine);
        this.unenroller = unenroller;
    }

    /**
     * Runs the step, or nothing when it is stale (a duplicate, an ended enrolment): false only when its enrolment
     * does not exist, which no redelivery will change.
     */
    public boolean run(StepMessage step) {
        Optional<Enrolment> found = engine.enrolments().find(step.enrolmentId());
        if (found.isEmpty()) {
            return false;
        }
        if (!found.get().isActive()) {
            return true;
        }
        Enrolment enrolment = found.get();
        if (enrolment.sequence() > step.sequence()) {
            // this step moved the enrolment on, but its handler may have failed before the next step was queued
            // (or before the immediate steps it ran after its own had queued theirs)
            engine.steps().schedule(enrolment.nextStep(), enrolment.dueAt());
            return true;
        }
        if (enrolment.sequence() != step.sequence()) {
            return true;
        }
        Instant now = engine.clock().instant();
        if (enrolment.dueAt() != null && now.isBefore(enrolment.dueAt())) {
            engine.steps().schedule(step, enrolment.dueAt());
            return true;
        }
        Optional<Flow> flow = engine.flows().find(enrolment.flowId());
        if (flow.isEmpty()) {
            unenroller.unenrol(enrolment, UnenrolmentReason.FLOW_DELETED);
            return true;
        }
        Optional<Contact> contact = engine.contacts().find(enrolment.contactId());
        if (contact.isEmpty()) {
            unenroller.unenrol(enrolment, UnenrolmentReason.CONTACT_DELETED);
            return true;
        }
        if (enrolment.eventWait() != null) {
            resumeAfterWait(enrolment, flow.get(), false);
            return true;
        }
        var records = new StepRecords(engine, enrolment.flowId());
        try {
            runSteps(enrolment, flow.get(), contact.get(), now, records, new Moves(enrolment.sequence()));
        } finally {
            records.write();
        }
        return true;
    }

    /**
     * The enrolment's sequence as a run last wrote it, and the enrolment moved on past it in memory, not written yet
     * (null when there is none): a step followed at once by one that {@link ActionKinds#runsInMemory runs in memory}
     * leaves its conditional write to that one, which makes it for both, on the sequence last written.
     */
    private static final class Moves {

        private long written;
        private Enrolment pending;

        Moves(long written) {
            this.written = written;
        }
    }

    /**
     * Runs the enrolment's step, then each next step due at once, in this call, up to {@value #MAX_STEPS_PER_RUN}
     * steps: each moves the enrolment on by a conditional write, as a queued step would, without a send, a receive
     * and three reads between them. A later step that fails, or whose effect another run is making, goes
     * to the queue, where it is retried as any step: the steps before it stay done. Their history entries and counts
     * are written once the run ends, however it ends. The contact read for the first step serves the next ones (each
     * action's own edits are made on it), unless an action changed it through its store: it is read again then.
     * A step that runs in memory carries the write of the step before it ({@link Moves}), which is made before
     * anything else would need it.
     */
    private void runSteps(Enrolment enrolment, Flow flow, Contact contact, Instant now, StepRecords records,
                          Moves moves) {
        Optional<Enrolment> next = runAction(enrolment, flow, contact, now, records, moves);
        Contact current = contact;
        String ranActionId = enrolment.currentActionId();
        for (int ran = 1; next.isPresent(); ran++) {
            Enrolment moved = next.get();
            if (ran == MAX_STEPS_PER_RUN) {
                if (writePending(moves, current, records)) {
                    engine.steps().schedule(moved.nextStep(), null);
                }
                return;
            }
            try {
                if (flow.action(ranActionId).filter(ActionKinds::changesContactElsewhere).isPresent()) {
                    Optional<Contact> stored = engine.contacts().find(contact.id());
                    if (stored.isEmpty()) {
                        records.write();
                        unenroller.unenrol(moved, UnenrolmentReason.CONTACT_DELETED);
                        return;
                    }
                    current = stored.get();
                }
                ranActionId = moved.currentActionId();
                next = runAction(moved, flow, current, engine.clock().instant(), records, moves);
            } catch (RuntimeException failed) {
                if (writePending(moves, current, records)) {
                    engine.steps().schedule(moved.nextStep(), null);
                }
                return;
            }
        }
    }

    /**
     * Writes the enrolment moved on, conditional on the sequence the run last wrote, then what its steps since did
     * to the contact, telling the bus which properties changed; false, writing nothing, when another writer moved
     * the enrolment first. The entries of the steps it writes are kept.
     */
    private boolean write(Enrolment moved, Moves moves, Contact contact, StepRecords records) {
        moves.pending = null;
        if (!engine.enrolments().update(moved, moves.written)) {
            return false;
        }
        moves.written = moved.sequence();
        records.moveWritten();
        Set<String> changed = saveChanges(contact);
        if (!changed.isEmpty()) {
            engine.events().propertiesChanged(contact.id(), changed);
        }
        return true;
    }

    /** Writes the move the run made in memory, if any; false when another writer moved the enrolment first. */
    private boolean writePending(Moves moves, Contact contact, StepRecords records) {
        return moves.pending == null || write(moves.pending, moves, contact, records);
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
        var records = new StepRecords(engine, enrolment.flowId());
        records.record(enrolment, HistoryKind.ACTION_SUCCEEDED, actionId,
                eventCame ? "the event happened" : "the wait for the event expired");
        records.write();
        engine.steps().schedule(resumed.nextStep(), null);
        return true;
    }

    /** Runs the enrolment's current action; returns the enrolment moved on when its next step is due at once. */
    private Optional<Enrolment> runAction(Enrolment enrolment, Flow flow, Contact contact, Instant now,
                                          StepRecords records, Moves moves) {
        Optional<Action> found = Optional.ofNullable(enrolment.currentActionId()).flatMap(flow::action);
        if (found.isEmpty()) {
            complete(enrolment, contact, now, records, moves);
            return Optional.empty();
        }
        Action action = found.get();
        var context = new ActionContext(flow, enrolment, contact, now, engine.timeZone(), engine.evaluation(),
                enrolment.nextStep().idempotencyKey());
        Step step;
        try {
            step = step(flow, contact, action, context);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException | UnsupportedFilterException e) {
            // the definition cannot run (a redelivery would fail the same way), unlike an unavailable service,
            // whose exception goes on up so that the queue retries
            if (writePending(moves, contact, records)) {
                records.write();
                unenroller.unenrol(enrolment, UnenrolmentReason.ACTION_CANNOT_RUN,
                        "action " + action.actionId() + " cannot run: " + e.getMessage());
            }
            return Optional.empty();
        }
        return switch (step) {
            case Step.Exit exit -> {
                if (writePending(moves, contact, records)) {
                    records.write(); // the steps before it, ahead of its unenrolment
                    unenroller.unenrol(enrolment, exit.reason());
                }
                yield Optional.empty();
            }
            case Step.Postpone postpone -> {
                Enrolment postponed = enrolment.postpone(postpone.until());
                if (write(postponed, moves, contact, records)) {
                    records.record(enrolment, HistoryKind.RESCHEDULED, action.actionId(),
                            "outside the workflow's execution times: moved to " + postpone.until());
                    engine.steps().schedule(postponed.nextStep(), postpone.until());
                }
                yield Optional.empty();
            }
            case Step.Run run -> apply(enrolment, flow, context, action, run.result(), records, moves);
        };
    }

    /**
     * What the step does, decided from the definition: the guards, the execution window, then the action itself.
     * A definition the engine cannot act on throws here, before anything is written.
     */
    private Step step(Flow flow, Contact contact, Action action, ActionContext context) {
        Optional<UnenrolmentReason> exit = guards.beforeStep(flow, contact);
        if (exit.isPresent()) {
            return new Step.Exit(exit.get());
        }
        Instant now = context.now();
        if (!ActionKinds.isDelayOrBranch(action)) {
            Instant allowed = ExecutionWindows.of(flow, engine.timeZone())
                    .nextAllowed(now, context.enrolment().enrolmentId());
            if (allowed.isAfter(now)) {
                return new Step.Postpone(allowed);
            }
        }
        return new Step.Run(flow.enabled() || ActionKinds.isDelayOrBranch(action)
                ? engine.actions().execute(action, context)
                : StepResult.next(standardNext(action).orElse(null),
                StepResult.Outcome.skipped("the workflow is turned off: only delays run")));
    }

    /** The three ways a step goes: the contact leaves, waits for the execution window, or the action runs. */
    private sealed interface Step {

        record Exit(UnenrolmentReason reason) implements Step {
        }

        record Postpone(Instant until) implements Step {
        }

        record Run(StepResult result) implements Step {
        }
    }

    /**
     * Writes what the action did; returns the enrolment moved on when its next step is due at once. When that step
     * runs in memory, this one's write is left to it.
     */
    private Optional<Enrolment> apply(Enrolment enrolment, Flow flow, ActionContext context, Action action,
                                      StepResult result, StepRecords records, Moves moves) {
        Enrolment after = context.enrolment();
        switch (result) {
            case StepResult.Next next -> {
                Enrolment moved = next.outputs().isEmpty() ? after : after.withOutput(action.actionId(), next.outputs());
                if (next.outcome().status() == StepResult.Status.SUCCEEDED && ActionKinds.sendsMarketingEmail(action)) {
                    moved = moved.withMarketingEmailSent();
                }
                moved = moved.advance(next.nextActionId(), next.dueAt());
                HistoryKind kind = kindOf(next.outcome().status());
                boolean atOnce = next.dueAt() == null && moved.isActive();
                if (atOnce && !ActionKinds.changesContactElsewhere(action)
                        && flow.action(moved.currentActionId()).filter(ActionKinds::runsInMemory).isPresent()) {
                    moves.pending = moved;
                    records.recordUnwritten(enrolment, kind, action.actionId(), next.outcome().detail());
                    return Optional.of(moved);
                }
                if (write(moved, moves, context.contact(), records)) {
                    records.record(enrolment, kind, action.actionId(), next.outcome().detail());
                    if (atOnce) {
                        return Optional.of(moved);
                    }
                    engine.steps().schedule(moved.nextStep(), next.dueAt());
                }
            }
            case StepResult.WaitForEvent wait -> {
                Enrolment waiting = after.waitFor(new EventWait(action.actionId(), context.now(), wait.expiresAt()));
                if (write(waiting, moves, context.contact(), records)) {
                    records.record(enrolment, HistoryKind.WAITING, action.actionId(),
                            "waiting for the event until " + wait.expiresAt());
                    engine.steps().schedule(waiting.nextStep(), wait.expiresAt());
                }
            }
            case StepResult.Retry retry -> {
                Enrolment stateful = retry.outputs().isEmpty() ? after : after.withOutput(action.actionId(), retry.outputs());
                Enrolment postponed = stateful.postpone(retry.retryAt());
                if (write(postponed, moves, context.contact(), records)) {
                    records.record(enrolment, HistoryKind.ACTION_PENDING, action.actionId(), retry.detail());
                    engine.steps().schedule(postponed.nextStep(), retry.retryAt());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Saves what the action changed on the contact; returns the properties changed, for the bus (told once the
     * history and counts are written, since a bus that refuses fails the message after the move).
     */
    private Set<String> saveChanges(Contact contact) {
        var changed = contact.takeChanges();
        if (contact.takeMembershipChanges() || !changed.isEmpty()) {
            engine.contacts().save(contact);
        }
        return changed;
    }

    private void complete(Enrolment enrolment, Contact contact, Instant now, StepRecords records, Moves moves) {
        Enrolment done = enrolment.complete(now);
        if (write(done, moves, contact, records)) {
            records.record(enrolment, HistoryKind.COMPLETED, null, "reached the end of the workflow");
            records.count(Metric.COMPLETED);
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
