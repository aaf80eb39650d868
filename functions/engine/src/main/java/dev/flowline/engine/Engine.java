package dev.flowline.engine;

import dev.flowline.engine.action.ActionHandlers;
import dev.flowline.engine.activation.Activation;
import dev.flowline.engine.activation.ScheduledActivations;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.CachedFlowStore;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.email.CachedEmailTemplates;
import dev.flowline.engine.enrolment.ContactEventOutbox;
import dev.flowline.engine.enrolment.EngineContext;
import dev.flowline.engine.enrolment.Enroller;
import dev.flowline.engine.enrolment.EnrolmentDecision;
import dev.flowline.engine.enrolment.EnrolmentSchedules;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.GoalChecker;
import dev.flowline.engine.enrolment.RecordingEngineEvents;
import dev.flowline.engine.enrolment.StepRunner;
import dev.flowline.engine.enrolment.TimeRelativeTriggers;
import dev.flowline.engine.enrolment.TriggerEvaluator;
import dev.flowline.engine.enrolment.Unenroller;
import dev.flowline.engine.idempotency.IdempotencyLedger;
import dev.flowline.engine.idempotency.IdempotentEffects;
import dev.flowline.engine.journey.CachedPublishedJourneys;
import dev.flowline.engine.journey.JourneyFlowStore;
import dev.flowline.engine.journey.JourneyRouter;
import dev.flowline.engine.journey.Journeys;
import dev.flowline.engine.list.ListMemberships;
import dev.flowline.engine.privacy.ContactEraser;
import dev.flowline.engine.privacy.ContactRecycling;

import java.util.Optional;

/**
 * The engine's front door: its services wired once, from one {@link EnginePorts} value. Whoever runs Flowline (the
 * AWS functions, the local runtime, the simulator, the benchmarks) builds it here and differs only in its ports.
 * <p>
 * Wiring done here and nowhere else: every side-effect port is wrapped once in the idempotency ledger; each engine
 * event is recorded on its contact before it is published, so the handlers it reaches find it there; journeys'
 * stage flows are found beside the workflows; definitions and published journeys are kept for the ports'
 * {@code flowCacheTtl}.
 */
public final class Engine {

    private final EnginePorts ports;
    private final EngineContext context;
    private final Unenroller unenroller;
    private final Enroller enroller;
    private final StepRunner steps;
    private final JourneyRouter journeyRouter;
    private final TriggerEvaluator triggers;
    private final GoalChecker goals;
    private final Journeys journeys;
    private final EnrolmentSchedules schedules;
    private final Activation activation;
    private final ScheduledActivations scheduledActivations;
    private final ListMemberships listMemberships;
    private final ContactEraser contactEraser;
    private final ContactRecycling contactRecycling;
    private final ContactEventOutbox contactEvents;

    public Engine(EnginePorts ports) {
        this.ports = idempotent(ports);
        this.contactEvents = new ContactEventOutbox(ports.contacts(), ports.events());
        this.listMemberships = new ListMemberships(ports.clock(), ports.contacts(), ports.lists(), contactEvents);
        this.context = new EngineContext(ports.clock(), ports.timeZone(),
                new CachedFlowStore(new JourneyFlowStore(ports.flows(), ports.journeys()), ports.clock(),
                        ports.flowCacheTtl()),
                ports.contacts(), ports.enrolments(), ports.steps(), ports.history(), ports.metrics(),
                new RecordingEngineEvents(ports.contacts(), ports.events()), ports.lists(),
                ActionHandlers.executor(this.ports.toBuilder().emailTemplates(new CachedEmailTemplates(
                                ports.emailTemplates(), ports.clock(), ports.flowCacheTtl())).build(),
                        this::enrolByAction, listMemberships::change,
                        this::deleteByAction), ports.crmObjects());
        this.unenroller = new Unenroller(context);
        this.enroller = new Enroller(context, unenroller);
        this.steps = new StepRunner(context, unenroller);
        this.journeyRouter = new JourneyRouter(context, enroller, unenroller,
                new CachedPublishedJourneys(ports.journeys(), ports.clock(), ports.flowCacheTtl()),
                ports.journeyEnrolments(), listMemberships);
        this.triggers = new TriggerEvaluator(context, enroller, unenroller, journeyRouter);
        this.goals = new GoalChecker(context, unenroller, steps, journeyRouter::waitsForEvents);
        this.journeys = new Journeys(context, ports.journeys(), ports.journeyEnrolments(), journeyRouter,
                ports.journeyLimits());
        this.schedules = new EnrolmentSchedules(context, enroller);
        this.activation = new Activation(context, ports.flows(), enroller, journeys, journeyRouter,
                ports.activations(), ports.activationBudget(), schedules, new TimeRelativeTriggers(context, enroller),
                ports.activationProgress());
        this.scheduledActivations = new ScheduledActivations(ports.recurringRuns());
        this.contactEraser = new ContactEraser(this.ports, unenroller);
        this.contactRecycling = new ContactRecycling(this.ports, unenroller, contactEraser);
    }

    private static EnginePorts idempotent(EnginePorts ports) {
        IdempotencyLedger ledger = ports.idempotency();
        return ports.toBuilder()
                .mailer(IdempotentEffects.mailer(ledger, ports.mailer()))
                .webhooks(IdempotentEffects.webhooks(ledger, ports.webhooks()))
                .sms(IdempotentEffects.sms(ledger, ports.sms()))
                .notifier(IdempotentEffects.notifier(ledger, ports.notifier()))
                .build();
    }

    /** Enrols a contact by hand, as the "enrol in another workflow" action does: refused when either is gone. */
    public EnrolmentDecision enrolByAction(String flowId, String contactId) {
        Optional<Flow> flow = context.flows().find(flowId);
        Optional<Contact> contact = context.contacts().find(contactId);
        return flow.isPresent() && contact.isPresent()
                ? enroller.enrol(flow.get(), contact.get(), EnrolmentSource.MANUAL)
                : new EnrolmentDecision(Optional.empty(), "there is no workflow " + flowId);
    }

    /** Deletes a contact restorably, as the "delete contact" action does. */
    private boolean deleteByAction(String contactId, String runningIn) {
        return contactRecycling.delete(contactId, runningIn);
    }

    /** The ports as the engine uses them: side effects behind the idempotency ledger. */
    public EnginePorts ports() {
        return ports;
    }

    /** The ports and settings the engine's services share. */
    public EngineContext context() {
        return context;
    }

    public TriggerEvaluator triggers() {
        return triggers;
    }

    public GoalChecker goals() {
        return goals;
    }

    public StepRunner steps() {
        return steps;
    }

    public Enroller enroller() {
        return enroller;
    }

    public Unenroller unenroller() {
        return unenroller;
    }

    /** Moves contacts through the published journeys; also enrols the contacts that match on a first publish. */
    public JourneyRouter journeyRouter() {
        return journeyRouter;
    }

    /** Customer journeys: drafts, versions, publishing, figures and logs. */
    public Journeys journeys() {
        return journeys;
    }

    /** Recurring enrolment schedules: when a flow's next run is, and whom a run enrols. */
    public EnrolmentSchedules schedules() {
        return schedules;
    }

    /** Enrols the contacts that already match when a flow is turned on or a journey first published. */
    public Activation activation() {
        return activation;
    }

    /** Keeps each flow's recurring runs (enrolment schedule, time sweep) in step with its saved definition. */
    public ScheduledActivations scheduledActivations() {
        return scheduledActivations;
    }

    /** Adds contacts to static lists and takes them out: the lists API, the list actions and journey exits. */
    public ListMemberships listMemberships() {
        return listMemberships;
    }

    /** Privacy deletions: everything stored about a contact. */
    public ContactEraser contactEraser() {
        return contactEraser;
    }

    /** Restorable deletion: the "delete contact" action, restores, and the purge of expired deletions. */
    public ContactRecycling contactRecycling() {
        return contactRecycling;
    }

    /** Publishes the events contact writes saved with them, and clears them. */
    public ContactEventOutbox contactEvents() {
        return contactEvents;
    }
}
