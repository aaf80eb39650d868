package dev.flowline.engine.activation;

import dev.flowline.engine.Page;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowStore;
import dev.flowline.engine.enrolment.EngineContext;
import dev.flowline.engine.enrolment.Enroller;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSchedules;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.TimeRelativeTriggers;
import dev.flowline.engine.enrolment.TriggerMatch;
import dev.flowline.engine.journey.Journey;
import dev.flowline.engine.journey.JourneyRouter;
import dev.flowline.engine.journey.Journeys;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Enrols the contacts that already meet a flow's triggers when it is turned on, however many there are: the
 * contacts are read as a parallel scan in {@link #SEGMENTS} segments, one {@link Segment} each on the activation
 * queue. A run reads its {@link ActivationBudget budget} of pages of its segment, enrols the matching contacts
 * ({@link EnrolmentSource#EXISTING_CONTACTS}) and, if the segment goes on, queues the rest, so no single run goes
 * on for long. A contact enrolled in the flow before is left alone, which also makes a redelivered segment
 * harmless. The fan-out stops when the flow is turned off or deleted. Each page's enrolments are written together,
 * and each run adds what it did to the activation's {@link ActivationProgress progress} once.
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
    private final ActivationProgress progress;

    /** @param flows the flows as stored, so that a flow turned off stops its fan-out at once */
    public Activation(EngineContext engine, FlowStore flows, Enroller enroller, Journeys journeys,
                      JourneyRouter journeyRouter, ActivationQueue queue, ActivationBudget budget,
                      EnrolmentSchedules schedules, TimeRelativeTriggers timeTriggers, ActivationProgress progress) {
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
        this.progress = progress;
    }

    /** Whether this deployment can enrol existing contacts: it has somewhere to queue their segments. */
    public boolean available() {
        return queue.available();
    }

    /** Queues the first run of every segment of the flow, its progress starting afresh. */
    public void start(String flowId) {
        Instant startedAt = engine.clock().instant();
        progress.start(flowId, startedAt, SEGMENTS);
        queue.send(IntStream.range(0, SEGMENTS).mapToObj(segment -> Segment.ofFlow(flowId, segment, SEGMENTS,
                startedAt)).toList());
    }

    /** How far the flow's latest activation has got. */
    public Optional<ActivationStatus> progress(String flowId) {
        return progress.of(flowId);
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
                    scan(segment, each(contact -> journeyRouter.enrolIfMatching(journey, contact))));
            return;
        }
        flows.find(segment.flowId()).filter(Flow::enabled).ifPresent(flow -> scan(segment, switch (segment.run()) {
            case SCHEDULE -> each(contact -> schedules.enrolIfSelected(flow, contact, segment.runAt()));
            case TIME_SWEEP -> each(contact -> timeTriggers.enrolIfNewlyMatching(flow, contact, segment.since(),
                    segment.runAt()));
            case null -> contacts -> enrolExisting(flow, contacts, segment.runAt());
        }));
    }

    /** Whether turning the flow on now with its existing contacts would enrol this one: it matches, never enrolled. */
    public boolean wouldEnrol(Flow flow, Contact contact) {
        return triggers.matches(flow, contact) && engine.enrolments().ofContact(flow.id(), contact.id()).isEmpty();
    }

    /**
     * Enrols the page's contacts that match and never enrolled, together ({@link Enroller#enrolNew}); returns how many
     * of the page this activation enrolled, those an earlier try of the same run enrolled among them (found enrolled
     * from the existing contacts since it started), whose first step it queues again.
     */
    private long enrolExisting(Flow flow, List<Contact> contacts, Instant startedAt) {
        List<Contact> matching = contacts.stream().filter(contact -> triggers.matches(flow, contact)).toList();
        Map<String, Enrolment> first = engine.enrolments().firstOfContacts(flow.id(),
                matching.stream().map(Contact::id).toList());
        List<Enrolment> earlier = first.values().stream()
                .filter(enrolment -> enrolment.source() == EnrolmentSource.EXISTING_CONTACTS)
                .filter(enrolment -> startedAt != null && !enrolment.enrolledAt().isBefore(startedAt)).toList();
        enroller.queueUnstarted(earlier);
        List<Contact> fresh = matching.stream().filter(contact -> !first.containsKey(contact.id())).toList();
        return earlier.size() + enroller.enrolNew(flow, fresh, EnrolmentSource.EXISTING_CONTACTS).size();
    }

    private static Function<List<Contact>, Long> each(Consumer<Contact> enrol) {
        return contacts -> {
            contacts.forEach(enrol);
            return 0L;
        };
    }

    /**
     * Reads the run's pages, enrolling each with {@code enrol} (which says how many it enrolled), counts the run in
     * its activation's progress, and queues the rest of the segment, if any. Counting before queueing: a run whose
     * send failed is delivered again, and then counts nothing twice.
     */
    private void scan(Segment segment, Function<List<Contact>, Long> enrol) {
        String after = segment.after();
        long scanned = 0;
        long enrolled = 0;
        for (int page = 0; page < budget.pagesPerRun() && (page == 0 || after != null); page++) {
            Page<Contact> contacts = engine.contacts().scan(segment.segment(), segment.totalSegments(), after,
                    budget.pageSize());
            scanned += contacts.items().size();
            enrolled += enrol.apply(contacts.items());
            after = contacts.next().orElse(null);
        }
        if (segment.isActivation()) {
            progress.count(new ActivationRun(segment.flowId(), segment.runAt(), segment.segment(), segment.after(),
                    scanned, enrolled, after == null));
        }
        if (after != null) {
            queue.send(List.of(segment.from(after)));
        }
    }
}
