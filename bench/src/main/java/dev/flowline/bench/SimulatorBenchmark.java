package dev.flowline.bench;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.list.ContactList;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.flowline.bench.HubSpotJson.action;
import static dev.flowline.bench.HubSpotJson.isEqualTo;

/**
 * {@code contacts} new contacts enrolled by a flow's trigger and run through its 6 actions (set a property,
 * a 3-day delay, a marketing email, a task, an internal email, add to a static list) on the simulator's
 * virtual clock. One run is one operation; after each, the flow's per-action metrics must count 6
 * successful steps per contact, so a run's steps are {@code STEPS_PER_CONTACT * contacts}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SimulatorBenchmark {

    static final int STEPS_PER_CONTACT = 6;
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final Flow FLOW = Flow.parse(HubSpotJson.flow("onboarding",
            HubSpotJson.allOf(List.of(isEqualTo("segment", "trial"))), List.of(
                    action(1, "0-5", """
                            {"property_name":"lifecyclestage","value":{"type":"STATIC_VALUE","staticValue":"lead"}}""", 2),
                    action(2, "0-1", """
                            {"delta":"3","time_unit":"DAYS"}""", 3),
                    action(3, "0-4", """
                            {"content_id":"welcome"}""", 4),
                    action(4, "0-3", """
                            {"task_type":"CALL","subject":"Call {{ enrolled_object.firstname }}"}""", 5),
                    action(5, "0-8", """
                            {"user_ids":["101"],"subject":"New trial","body":"<p>A new trial</p>"}""", 6),
                    action(6, "0-13", """
                            {"operation":"ADD","list_id":"7"}""", null))));

    @Param("100000")
    public int contacts;

    private Simulator simulator;
    private List<Contact> trials;
    private SimulationReport report;

    @Setup(Level.Invocation)
    public void setUp() {
        simulator = new Simulator(START, ZoneOffset.UTC).addFlow(FLOW);
        simulator.outbox().directory().withOwners("101");
        simulator.lists().create(new ContactList("7", "Nurtured", ListDefinition.MANUAL, null, START, START));
        trials = new ArrayList<>(contacts);
        for (int i = 0; i < contacts; i++) {
            var contact = new Contact("c" + i);
            contact.setProperty("email", "trial" + i + "@example.com", START);
            contact.setProperty("firstname", "Trial " + i, START);
            contact.setProperty("segment", "trial", START);
            trials.add(contact);
        }
    }

    @Benchmark
    public SimulationReport run() {
        for (Contact contact : trials) {
            simulator.addContact(contact);
        }
        report = simulator.runUntil(START.plus(Duration.ofDays(4)));
        return report;
    }

    @TearDown(Level.Invocation)
    public void checkEveryStepRan() {
        Map<String, Map<HistoryKind, Long>> actions = report.metrics(FLOW.id()).actions();
        long succeeded = actions.values().stream().mapToLong(outcomes -> outcomes.getOrDefault(HistoryKind.ACTION_SUCCEEDED, 0L)).sum();
        long all = actions.values().stream().flatMap(outcomes -> outcomes.values().stream()).mapToLong(Long::longValue).sum();
        if (succeeded != (long) STEPS_PER_CONTACT * contacts || all != succeeded) {
            throw new IllegalStateException("expected " + STEPS_PER_CONTACT * contacts + " successful steps, the metrics count "
                    + actions);
        }
        // the next run should not collect garbage around this one's contacts, enrolments and history
        simulator = null;
        trials = null;
        report = null;
    }
}
