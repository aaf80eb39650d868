package dev.flowline.engine.simulation;

import dev.flowline.engine.Engine;
import dev.flowline.engine.EnginePorts;
import dev.flowline.engine.activation.Segment;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.ContactChange;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.enrolment.EnrolmentDecision;
import dev.flowline.engine.enrolment.EnrolmentSchedules;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.FlowRevisions;
import dev.flowline.engine.enrolment.PropertyChangeEvents;
import dev.flowline.engine.enrolment.StepMessage;
import dev.flowline.engine.journey.Journeys;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs contacts and a timeline of property changes and events through flows on a virtual clock, with the
 * engine's real enrolment rules and actions and in-memory stores. Steps, delays and timeline entries run in
 * time order; what the engine itself makes happen (its events, property changes by actions) goes back in,
 * so flows react to each other as they would in production.
 */
public final class Simulator {

    /** A bound on the work of one run, so that flows that trigger each other forever end with an error. */
    private static final int MAX_ITEMS_PER_RUN = 50_000_000;

    private final VirtualClock clock;
    private final InMemoryFlowStore flows = new InMemoryFlowStore();
    private final InMemoryJourneyStore journeyStore = new InMemoryJourneyStore();
    private final InMemoryJourneyEnrolmentStore journeyEnrolments = new InMemoryJourneyEnrolmentStore();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryListStore lists = new InMemoryListStore();
    private final InMemoryEnrolmentStore enrolments = new InMemoryEnrolmentStore();
    private final InMemoryHistory history = new InMemoryHistory();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final Outbox outbox = new Outbox();
    private final PriorityQueue<Item> agenda = new PriorityQueue<>();
    private final Engine engine;
    private final Set<String> scheduledFlowIds = new HashSet<>();
    private long order;
    private int refusedSteps;

    public Simulator(Instant start, ZoneId timeZone) {
        this.clock = new VirtualClock(start, timeZone);
        this.engine = new Engine(outbox.connect(EnginePorts.builder()).clock(clock).timeZone(timeZone)
                .flows(flows).contacts(contacts).enrolments(enrolments).lists(lists)
                .recycleBin(new InMemoryContactRecycleBin())
                .journeys(journeyStore).journeyEnrolments(journeyEnrolments).history(history).metrics(metrics)
                .steps(this::scheduleStep).activations(this::queueSegments).activationProgress(new InMemoryActivationProgress()).events(new FeedBack())
                .idempotency(new InMemoryLedger())
                .build());
    }

    public Simulator addFlow(Flow flow) {
        flows.put(flow);
        if (scheduledFlowIds.add(flow.id())) {
            scheduleNextRun(flow.id(), clock.instant());
        }
        return this;
    }

    /** Replaces a flow with a new revision, as an update through the API does. */
    public Simulator updateFlow(Flow revision) {
        flows.find(revision.id()).ifPresent(previous -> new FlowRevisions(metrics).revised(previous, revision));
        flows.put(revision);
        return this;
    }

    /**
     * Adds a contact now, as a creation through the CRM API: flows whose triggers it meets enrol it, and so do flows
     * triggered by "contact is created".
     */
    public Simulator addContact(Contact contact) {
        var created = new ActivityEvent(StandardEvents.OBJECT_CREATED, clock.instant(), Map.of());
        contact.record(created);
        contacts.create(contact);
        contact.takeChanges();
        react(new ContactChange(null, contact, List.of(created)));
        return this;
    }

    /** At {@code at}, changes a contact (properties, lists, subscriptions) and records events that came with it. */
    public Simulator at(Instant at, String contactId, Consumer<Contact> change, ActivityEvent... events) {
        schedule(at, () -> contacts.find(contactId).ifPresent(contact -> {
            Contact before = contact.copy();
            change.accept(contact);
            Set<String> changed = contact.takeChanges();
            for (ActivityEvent event : events) {
                contact.record(event);
            }
            contacts.save(contact);
            var all = new ArrayList<>(List.of(events));
            all.addAll(PropertyChangeEvents.of(contact, changed, clock.instant()));
            react(new ContactChange(before, contact, all));
        }));
        return this;
    }

    /** At {@code at}, deletes a contact: its enrolments end at their next step. */
    public Simulator deleteAt(Instant at, String contactId) {
        schedule(at, () -> contacts.delete(contactId));
        return this;
    }

    /** Enrols a contact by hand, now. */
    public EnrolmentDecision enrol(String flowId, String contactId) {
        Flow flow = flows.find(flowId).orElseThrow(() -> new IllegalArgumentException("no flow " + flowId));
        Contact contact = contacts.find(contactId).orElseThrow(() -> new IllegalArgumentException("no contact " + contactId));
        return engine.enroller().enrol(flow, contact, EnrolmentSource.MANUAL);
    }

    /**
     * Enrols, from now, the contacts that already meet the flow's triggers and never enrolled in it, as turning it
     * on with "enrol existing contacts" does: its segments run one after another, each as its own work.
     */
    public Simulator enrolExisting(String flowId) {
        engine.activation().start(flowId);
        return this;
    }

    /** Delivers a step message (again) now: queues deliver at least once, and copies must change nothing. */
    public Simulator deliver(StepMessage step) {
        schedule(clock.instant(), () -> engine.steps().run(step));
        return this;
    }

    /** Runs everything due up to {@code end}, then leaves the clock at {@code end}. */
    public SimulationReport runUntil(Instant end) {
        int done = 0;
        while (!agenda.isEmpty() && !agenda.peek().at().isAfter(end)) {
            if (++done > MAX_ITEMS_PER_RUN) {
                throw new IllegalStateException("the simulation did not settle: flows may trigger each other forever");
            }
            Item item = agenda.poll();
            clock.moveTo(item.at());
            item.work().run();
        }
        clock.moveTo(end);
        return report();
    }

    public SimulationReport report() {
        return new SimulationReport(clock.instant(), List.copyOf(enrolments.all()), metrics, history, outbox);
    }

    /** The customer journeys, run on the same engine as the flows. */
    public Journeys journeys() {
        return engine.journeys();
    }

    public VirtualClock clock() {
        return clock;
    }

    /** The engine the simulation runs, for its services (restoring a deleted contact, say). */
    public Engine engine() {
        return engine;
    }

    public InMemoryContactStore contacts() {
        return contacts;
    }

    /** The contact lists: those the list actions of the flows use must be created here. */
    public InMemoryListStore lists() {
        return lists;
    }

    public Outbox outbox() {
        return outbox;
    }

    private void react(ContactChange change) {
        engine.triggers().onChange(change);
        engine.goals().onChange(change.after(), change.events());
    }

    /**
     * The step queue refuses the next {@code count} steps it is given, as a queue that fails a send does: the
     * handler that queues them fails there, after whatever it wrote before.
     */
    public Simulator refuseNextSteps(int count) {
        refusedSteps = count;
        return this;
    }

    private void scheduleStep(StepMessage step, Instant dueAt) {
        if (refusedSteps > 0) {
            refusedSteps--;
            throw new IllegalStateException("the step queue refused " + step);
        }
        schedule(dueAt == null ? clock.instant() : dueAt, () -> engine.steps().run(step));
    }

    private void queueSegments(List<Segment> segments) {
        segments.forEach(segment -> schedule(clock.instant(), () -> engine.activation().run(segment)));
    }

    private void schedule(Instant at, Runnable work) {
        agenda.add(new Item(at.isBefore(clock.instant()) ? clock.instant() : at, order++, work));
    }

    // Recurring enrolment schedules: each run enrols the flow's contacts, then books the flow's next run.

    private void scheduleNextRun(String flowId, Instant after) {
        var next = flows.find(flowId).flatMap(flow -> EnrolmentSchedules.nextRun(flow, after, clock.getZone()));
        if (next.isEmpty()) {
            scheduledFlowIds.remove(flowId);
            return;
        }
        schedule(next.get(), () -> {
            flows.find(flowId).ifPresent(flow -> engine.schedules().run(flow, List.copyOf(contacts.all())));
            scheduleNextRun(flowId, next.get());
        });
    }

    /** The engine's own events and property changes, fed back in as contact changes. */
    private final class FeedBack implements EngineEvents {

        @Override
        public void activity(String contactId, ActivityEvent event) {
            // the engine recorded the event on its contact before publishing it
            schedule(clock.instant(), () -> contacts.find(contactId).ifPresent(contact ->
                    react(ContactChange.ofActivity(contact, event))));
        }

        @Override
        public void propertiesChanged(String contactId, Set<String> properties) {
            schedule(clock.instant(), () -> contacts.find(contactId).ifPresent(contact ->
                    react(ContactChange.ofProperties(contact, properties, clock.instant()))));
        }
    }

    private record Item(Instant at, long order, Runnable work) implements Comparable<Item> {

        @Override
        public int compareTo(Item other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
