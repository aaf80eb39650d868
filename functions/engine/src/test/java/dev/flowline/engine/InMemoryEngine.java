package dev.flowline.engine;

import dev.flowline.engine.activation.ActivationBudget;
import dev.flowline.engine.activation.Segment;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.enrolment.StepMessage;
import dev.flowline.engine.simulation.InMemoryActivationProgress;
import dev.flowline.engine.simulation.InMemoryContactRecycleBin;
import dev.flowline.engine.simulation.InMemoryContactStore;
import dev.flowline.engine.simulation.InMemoryCrmObjectStore;
import dev.flowline.engine.simulation.InMemoryEnrolmentStore;
import dev.flowline.engine.simulation.InMemoryFlowStore;
import dev.flowline.engine.simulation.InMemoryHistory;
import dev.flowline.engine.simulation.InMemoryJourneyEnrolmentStore;
import dev.flowline.engine.simulation.InMemoryJourneyStore;
import dev.flowline.engine.simulation.InMemoryLedger;
import dev.flowline.engine.simulation.InMemoryListStore;
import dev.flowline.engine.simulation.InMemoryMetrics;
import dev.flowline.engine.simulation.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An engine on the in-memory stores at a fixed time, whose queues only collect: the steps it schedules, the
 * activation segments it sends and the activities it publishes are there to look at, and run when a test says.
 */
public final class InMemoryEngine {

    public static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    /** An activity published for a contact. */
    public record Published(String contactId, ActivityEvent event) {
    }

    /** A step scheduled, due at {@code dueAt} (null: now). */
    public record Scheduled(StepMessage step, Instant dueAt) {
    }

    public final InMemoryFlowStore flows = new InMemoryFlowStore();
    public final InMemoryContactStore contacts = new InMemoryContactStore();
    public final InMemoryEnrolmentStore enrolments = new InMemoryEnrolmentStore();
    public final InMemoryListStore lists = new InMemoryListStore();
    public final InMemoryContactRecycleBin recycleBin = new InMemoryContactRecycleBin();
    public final InMemoryJourneyStore journeys = new InMemoryJourneyStore();
    public final InMemoryJourneyEnrolmentStore journeyEnrolments = new InMemoryJourneyEnrolmentStore();
    public final InMemoryHistory history = new InMemoryHistory();
    public final InMemoryMetrics metrics = new InMemoryMetrics();
    public final InMemoryLedger ledger = new InMemoryLedger();
    public final InMemoryCrmObjectStore crm = new InMemoryCrmObjectStore();
    public final List<Scheduled> steps = new ArrayList<>();
    public final Deque<Segment> segments = new ArrayDeque<>();
    public final List<Published> published = new ArrayList<>();
    public final Engine engine;

    public InMemoryEngine() {
        this(ActivationBudget.DEFAULT);
    }

    public InMemoryEngine(ActivationBudget budget) {
        this(budget, ports -> ports);
    }

    /** With some of the ports replaced, such as side effects a test watches. */
    public InMemoryEngine(UnaryOperator<EnginePorts.Builder> replacing) {
        this(ActivationBudget.DEFAULT, replacing);
    }

    private InMemoryEngine(ActivationBudget budget, UnaryOperator<EnginePorts.Builder> replacing) {
        this.engine = new Engine(replacing.apply(new Outbox().connect(EnginePorts.builder()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .activationBudget(budget).flows(flows).contacts(contacts).enrolments(enrolments).lists(lists).recycleBin(recycleBin)
                .journeys(journeys).journeyEnrolments(journeyEnrolments).history(history).metrics(metrics)
                .steps((step, dueAt) -> steps.add(new Scheduled(step, dueAt))).activations(segments::addAll)
                .activationProgress(new InMemoryActivationProgress())
                .idempotency(ledger).crmObjects(crm)
                .events(new EngineEvents() {
                    @Override
                    public void activity(String contactId, ActivityEvent event) {
                        published.add(new Published(contactId, event));
                    }

                    @Override
                    public void propertiesChanged(String contactId, Set<String> properties) {
                    }
                }))
                .build());
    }

    /** Creates a contact with the property/value pairs, as a store write that nothing reacts to. */
    public Contact contact(String id, String... propertyValuePairs) {
        var contact = new Contact(id);
        contact.setProperty(Contact.EMAIL, id + "@example.com", NOW);
        for (int i = 0; i < propertyValuePairs.length; i += 2) {
            contact.setProperty(propertyValuePairs[i], propertyValuePairs[i + 1], NOW);
        }
        contacts.create(contact);
        return contacts.find(id).orElseThrow();
    }

    /** Runs the queued segments, and those they queue, until none is left; returns how many ran. */
    public int runSegments() {
        int ran = 0;
        for (Segment segment = segments.poll(); segment != null; segment = segments.poll()) {
            engine.activation().run(segment);
            ran++;
        }
        return ran;
    }

    /** Runs the steps due now, and those they schedule for now, until none is left; later ones stay. */
    public void runSteps() {
        for (var due = dueNow(); due.isPresent(); due = dueNow()) {
            steps.remove(due.get());
            engine.steps().run(due.get().step());
        }
    }

    private Optional<Scheduled> dueNow() {
        return steps.stream().filter(step -> step.dueAt() == null || !step.dueAt().isAfter(NOW)).findFirst();
    }
}
