package dev.flowline.engine.activation;

import dev.flowline.engine.Page;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowStore;
import dev.flowline.engine.enrolment.EngineContext;
import dev.flowline.engine.enrolment.Enroller;
import dev.flowline.engine.enrolment.EnrolmentSchedules;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.TimeRelativeTriggers;
import dev.flowline.engine.enrolment.TriggerMatch;
import dev.flowline.engine.journey.Journey;
import dev.flowline.engine.journey.JourneyRouter;
import dev.flowline.engine.journey.Journeys;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Enrols the contacts that already meet a flow's triggers when it is turned on, however many there are: the
 * contacts are read as a parallel scan in {@link #SEGMENTS} segments, one {@link Segment} each on the activation
 * queue. A run reads its {@link ActivationBudget budget} of pages of its segment, enrols the matching contacts
 * ({@link EnrolmentSource#EXISTING_CONTACTS}) and, if the segment goes on, queues the rest, so no single run goes
 * on for long. A contact enrolled in the flow before is left alone, which also makes a redelivered segment
 * harmless. The fan-out stops when the flow is turned off or deleted.
 * <p>
 * A journey's first publish fans out the same way: its segments name the journey, and each contact that matches
 * (in an enrolment list, with a stage's value) and never enrolled in it enrols now.
 * <p>
 * A flow's recurring runs fan out the same way too ({@link RecurringRuns}): a run of its enrolment schedule enrols
 * the contacts the schedule selects ({@link EnrolmentSchedules#enrolIfSelected}); a time sweep enrols those that
 * time made meet its triggers ({@link TimeRelativeTriggers}).
 */
public final class Activation {

    public static final int SEGMENTS = 16;

    private final EngineContext engine;
    private final FlowStore flows;
    private final Enroller enroller;
    private final Journeys journeys;
    private final JourneyRouter journeyRouter;
    private final ActivationQueue queue;
    private final ActivationBudget budget;
    private final TriggerMatch triggers;
    private final EnrolmentSchedules schedules;
    private final TimeRelativeTriggers timeTriggers;

    /** @param flows the flows as stored, so that a flow turned off stops its fan-out at once */
    public Activation(EngineContext engine, FlowStore flows, Enroller enroller, Journeys journeys,
                      JourneyRouter journeyRouter, ActivationQueue queue, ActivationBudget budget,
                      EnrolmentSchedules schedules, TimeRelativeTriggers timeTriggers) {
        this.engine = engine;
        this.flows = flows;
        this.enroller = enroller;
        this.journeys = journeys;
        this.journeyRouter = journeyRouter;
        this.queue = queue;
        this.budget = budget;
        this.triggers = new TriggerMatch(engine);
        this.schedules = schedules;
        this.timeTriggers = timeTriggers;
    }

    /** Whether this deployment can enrol existing contacts: it has somewhere to queue their segments. */
    public boolean available() {
        return queue.available();
    }

    /** Queues the first run of every segment of the flow. */
    public void start(String flowId) {
        queue.send(IntStream.range(0, SEGMENTS).mapToObj(segment -> Segment.ofFlow(flowId, segment, SEGMENTS))
                .toList());
    }

    /** Queues the first run of every segment of a journey's first publish. */
    public void startJourney(String journeyId) {
        queue.send(IntStream.range(0, SEGMENTS).mapToObj(segment -> Segment.ofJourney(journeyId, segment, SEGMENTS))
                .toList());
    }

    /** Queues the run of the flow's enrolment schedule due at {@code runAt}, if the flow still has one. */
    public void startSchedule(String flowId, Instant runAt) {
        startRun(flowId, flow -> flow.enrollmentSchedule() != null, Segment.Run.SCHEDULE, runAt, null);
    }

    /**
     * Queues the sweep of the flow's time-relative triggers over the time from {@code since} to {@code until}, if it
     * still has them.
     */
    public void startTimeSweep(String flowId, Instant since, Instant until) {
        startRun(flowId, TimeRelativeTriggers::reads, Segment.Run.TIME_SWEEP, until, since);
    }

    /** Whether the flow, as stored, still needs a recurring run: a run for a flow that does not is dropped. */
    private void startRun(String flowId, Predicate<Flow> needs, Segment.Run run, Instant runAt, Instant since) {
        if (flows.find(flowId).filter(Flow::enabled).filter(needs).isPresent()) {
            queue.send(IntStream.range(0, SEGMENTS).mapToObj(segment ->
                    new Segment(flowId, segment, SEGMENTS, null, null, run, runAt, since)).toList());
        }
    }

    /** Reads up to a run's budget of pages of the segment, enrolling the matching contacts. */
    public void run(Segment segment) {
        if (segment.journeyId() != null) {
            journeys.find(segment.journeyId()).filter(Journey::isPublished).ifPresent(journey ->
                    scan(segment, contact -> journeyRouter.enrolIfMatching(journey, contact)));
            return;
        }
        flows.find(segment.flowId()).filter(Flow::enabled).ifPresent(flow -> scan(segment, contact -> {
            switch (segment.run()) {
                case SCHEDULE -> schedules.enrolIfSelected(flow, contact, segment.runAt());
                case TIME_SWEEP -> timeTriggers.enrolIfNewlyMatching(flow, contact, segment.since(), segment.runAt());
                case null -> {
                    if (wouldEnrol(flow, contact)) {
                        enroller.enrol(flow, contact, EnrolmentSource.EXISTING_CONTACTS, List.of());
                    }
                }
            }
        }));
    }

    /** Whether turning the flow on now with its existing contacts would enrol this one: it matches, never enrolled. */
    public boolean wouldEnrol(Flow flow, Contact contact) {
        return triggers.matches(flow, contact) && engine.enrolments().ofContact(flow.id(), contact.id()).isEmpty();
    }

    private void scan(Segment segment, Consumer<Contact> enrol) {
        String after = segment.after();
        for (int page = 0; page < budget.pagesPerRun(); page++) {
            Page<Contact> contacts = engine.contacts().scan(segment.segment(), segment.totalSegments(), after,
                    budget.pageSize());
            contacts.items().forEach(enrol);
            after = contacts.next().orElse(null);
            if (after == null) {
                return;
            }
        }
        queue.send(List.of(segment.from(after)));
    }
}
