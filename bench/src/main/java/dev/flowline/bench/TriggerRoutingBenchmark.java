package dev.flowline.bench;

import dev.flowline.engine.Engine;
import dev.flowline.engine.EnginePorts;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.ContactChange;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.enrolment.PropertyChangeEvents;
import dev.flowline.engine.enrolment.TriggerEvaluator;
import dev.flowline.engine.simulation.InMemoryActivationProgress;
import dev.flowline.engine.simulation.InMemoryContactStore;
import dev.flowline.engine.simulation.InMemoryEnrolmentStore;
import dev.flowline.engine.simulation.InMemoryFlowStore;
import dev.flowline.engine.simulation.InMemoryHistory;
import dev.flowline.engine.simulation.InMemoryJourneyEnrolmentStore;
import dev.flowline.engine.simulation.InMemoryJourneyStore;
import dev.flowline.engine.simulation.InMemoryLedger;
import dev.flowline.engine.simulation.InMemoryContactRecycleBin;
import dev.flowline.engine.simulation.InMemoryListStore;
import dev.flowline.engine.simulation.InMemoryMetrics;
import dev.flowline.engine.simulation.Outbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.flowline.bench.HubSpotJson.allOf;
import static dev.flowline.bench.HubSpotJson.isEqualTo;
import static dev.flowline.bench.HubSpotJson.isKnown;

/**
 * A change of 3 properties of a contact (50 properties) against {@code flows} enabled flows, of which 10
 * have triggers on those properties and the others on properties the change leaves alone. The 10 triggers
 * also need a property the contact lacks, so none fires: no enrolment is written and every change does
 * the same work, that of routing a change which enrols nobody (the common case).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class TriggerRoutingBenchmark {

    static final int MENTIONING = 10;
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<String> CHANGED = List.of("lifecyclestage", "hs_lead_status", "country");

    @Param({"10", "1000"})
    public int flows;

    private TriggerEvaluator triggers;
    private ContactChange change;

    @Setup
    public void setUp() {
        var store = new InMemoryFlowStore();
        for (int i = 0; i < flows; i++) {
            store.put(Flow.parse(HubSpotJson.flow("f" + i, i < MENTIONING ? mentioningTheChange() : elsewhere(i),
                    List.of())));
        }
        var enrolments = new InMemoryEnrolmentStore();
        triggers = new Engine(new Outbox().connect(EnginePorts.builder())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).flows(store).contacts(new InMemoryContactStore())
                .enrolments(enrolments).lists(new InMemoryListStore()).recycleBin(new InMemoryContactRecycleBin()).journeys(new InMemoryJourneyStore())
                .journeyEnrolments(new InMemoryJourneyEnrolmentStore()).history(new InMemoryHistory())
                .metrics(new InMemoryMetrics()).steps((step, dueAt) -> { }).activations(segments -> { })
                .activationProgress(new InMemoryActivationProgress())
                .events(new NoEvents()).idempotency(new InMemoryLedger()).build()).triggers();
        change = threePropertiesChanged();
        onChange();
        if (!enrolments.all().isEmpty()) {
            throw new IllegalStateException("the benchmark's change should enrol the contact nowhere");
        }
    }

    private static String mentioningTheChange() {
        return allOf(List.of(isEqualTo("lifecyclestage", "lead"), isEqualTo("hs_lead_status", "OPEN"),
                isEqualTo("country", "NL"), isKnown("hs_analytics_source")));
    }

    private static String elsewhere(int i) {
        return allOf(List.of(isEqualTo("p" + i % 47, "x" + i), isKnown("p" + (i + 1) % 47)));
    }

    private static ContactChange threePropertiesChanged() {
        var contact = new Contact("c1");
        Instant earlier = NOW.minusSeconds(86_400);
        for (int i = 0; i < 47; i++) {
            contact.setProperty("p" + i, "v" + i, earlier);
        }
        contact.setProperty("lifecyclestage", "subscriber", earlier);
        contact.setProperty("hs_lead_status", "NEW", earlier);
        contact.setProperty("country", "BE", earlier);
        contact.takeChanges();
        Contact before = contact.copy();
        contact.setProperty("lifecyclestage", "lead", NOW);
        contact.setProperty("hs_lead_status", "OPEN", NOW);
        contact.setProperty("country", "NL", NOW);
        Set<String> changed = contact.takeChanges();
        if (!changed.containsAll(CHANGED)) {
            throw new IllegalStateException("the benchmark's change should change " + CHANGED);
        }
        return new ContactChange(before, contact, PropertyChangeEvents.of(contact, changed, NOW));
    }

    @Benchmark
    public void onChange() {
        triggers.onChange(change);
    }

    private static final class NoEvents implements EngineEvents {

        @Override
        public void activity(String contactId, ActivityEvent event) {
        }

        @Override
        public void propertiesChanged(String contactId, Set<String> properties) {
        }
    }
}
