package dev.flowline.engine.activation;

import dev.flowline.engine.InMemoryEngine;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.simulation.InMemoryActivationProgress;
import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ActivationTest {

    private static final int CONTACTS = 60;

    private static Flow customers(boolean enabled) {
        var flow = flow("A").listBased(propertyIs("lifecyclestage", "customer")).actions(delayDays("1", null, 3));
        return (enabled ? flow : flow.turnedOff()).build();
    }

    private static boolean isCustomer(int i) {
        return i % 3 == 0;
    }

    private static InMemoryEngine withContacts(ActivationBudget budget) {
        return withContacts(new InMemoryEngine(budget));
    }

    private static InMemoryEngine withContacts(InMemoryEngine engine) {
        for (int i = 0; i < CONTACTS; i++) {
            engine.contact("c" + i, "lifecyclestage", isCustomer(i) ? "customer" : "lead");
        }
        return engine;
    }

    @Test
    void startingQueuesOneSegmentOfTheFlowPerScanSegmentEachFromItsStart() {
        var engine = new InMemoryEngine();

        engine.engine.activation().start("A");

        assertThat(engine.segments).hasSize(Activation.SEGMENTS)
                .allSatisfy(segment -> assertThat(segment).extracting(Segment::flowId, Segment::after,
                        Segment::totalSegments).containsExactly("A", null, Activation.SEGMENTS))
                .extracting(Segment::segment).doesNotHaveDuplicates();
    }

    @Test
    void everyContactThatAlreadyMatchesEnrolsOnceAndSegmentsQueueTheirRestWhenTheirBudgetEnds() {
        var engine = withContacts(new ActivationBudget(2, 1));
        engine.flows.put(customers(true));

        engine.engine.activation().start("A");
        int runs = engine.runSegments();

        assertThat(runs).as("segments re-queue themselves when their page budget ends")
                .isGreaterThan(Activation.SEGMENTS);
        for (int i = 0; i < CONTACTS; i++) {
            var enrolments = engine.enrolments.ofContact("A", "c" + i);
            if (isCustomer(i)) {
                assertThat(enrolments).singleElement()
                        .extracting(Enrolment::source).isEqualTo(EnrolmentSource.EXISTING_CONTACTS);
            } else {
                assertThat(enrolments).isEmpty();
            }
        }
    }

    @Test
    void progressReachesEverySegmentAndCountsEachContactScannedAndEnrolledOnce() {
        var engine = withContacts(new ActivationBudget(2, 1));
        engine.flows.put(customers(true));

        engine.engine.activation().start("A");
        assertThat(engine.engine.activation().progress("A")).get()
                .extracting(ActivationStatus::segmentsTotal, ActivationStatus::segmentsDone, ActivationStatus::done)
                .containsExactly(Activation.SEGMENTS, 0L, false);
        engine.runSegments();

        assertThat(engine.engine.activation().progress("A")).get().satisfies(progress -> {
            assertThat(progress.segmentsDone()).isEqualTo(Activation.SEGMENTS);
            assertThat(progress.done()).isTrue();
            assertThat(progress.contactsScanned()).isEqualTo(CONTACTS);
            assertThat(progress.contactsEnrolled()).isEqualTo(CONTACTS / 3);
        });
    }

    @Test
    void aRedeliveredRunEnrolsNobodyTwiceAndCountsOnce() {
        var engine = withContacts(new ActivationBudget(2, 1));
        engine.flows.put(customers(true));
        engine.engine.activation().start("A");
        Segment first = engine.segments.peek();

        engine.engine.activation().run(first);
        engine.runSegments();

        for (int i = 0; i < CONTACTS; i += 3) {
            assertThat(engine.enrolments.ofContact("A", "c" + i)).hasSize(1);
        }
        assertThat(engine.engine.activation().progress("A")).get()
                .extracting(ActivationStatus::segmentsDone, ActivationStatus::contactsScanned,
                        ActivationStatus::contactsEnrolled)
                .containsExactly((long) Activation.SEGMENTS, (long) CONTACTS, (long) CONTACTS / 3);
    }

    @Test
    void aRunRedeliveredAfterItEnrolledButBeforeItCountedCountsTheContactsItEnrolledThen() {
        var progress = new InMemoryActivationProgress();
        var crashingOnce = new ActivationProgress() {
            private boolean crashed;

            @Override
            public void start(String flowId, Instant startedAt, int segments) {
                progress.start(flowId, startedAt, segments);
            }

            @Override
            public boolean count(ActivationRun run) {
                if (!crashed) {
                    crashed = true;
                    throw new IllegalStateException("the function stopped");
                }
                return progress.count(run);
            }

            @Override
            public Optional<ActivationStatus> of(String flowId) {
                return progress.of(flowId);
            }
        };
        var engine = withContacts(new InMemoryEngine(ports -> ports.activationProgress(crashingOnce)));
        engine.flows.put(customers(true));
        engine.engine.activation().start("A");
        Segment first = engine.segments.peek();
        assertThatIllegalStateException().isThrownBy(() -> engine.engine.activation().run(first));

        engine.runSegments();

        assertThat(progress.of("A")).get().extracting(ActivationStatus::contactsScanned,
                ActivationStatus::contactsEnrolled).containsExactly((long) CONTACTS, (long) CONTACTS / 3);
    }

    @Test
    void aContactThatStopsMatchingBeforeItsSegmentRunsIsNotEnrolled() {
        var engine = withContacts(ActivationBudget.DEFAULT);
        engine.flows.put(customers(true));
        engine.engine.activation().start("A");

        var stopped = engine.contacts.find("c0").orElseThrow();
        stopped.setProperty("lifecyclestage", "lead", InMemoryEngine.NOW);
        engine.contacts.save(stopped);
        engine.runSegments();

        assertThat(engine.enrolments.ofContact("A", "c0")).isEmpty();
        assertThat(engine.enrolments.ofContact("A", "c3")).hasSize(1);
        assertThat(engine.engine.activation().progress("A")).get()
                .extracting(ActivationStatus::contactsEnrolled).isEqualTo((long) CONTACTS / 3 - 1);
    }

    @Test
    void aRunOfAnEarlierActivationOfTheFlowCountsNothingInTheLatest() {
        var clock = new VirtualClock(InMemoryEngine.NOW, ZoneOffset.UTC);
        var engine = withContacts(new InMemoryEngine(ports -> ports.clock(clock)));
        engine.flows.put(customers(true));
        engine.engine.activation().start("A");
        Segment earlier = engine.segments.poll();
        clock.advance(Duration.ofMinutes(1));
        engine.engine.activation().start("A");

        engine.engine.activation().run(earlier);

        assertThat(engine.engine.activation().progress("A")).get()
                .extracting(ActivationStatus::contactsScanned).isEqualTo(0L);
    }

    @Test
    void aRedeliveredSegmentEnrolsNoContactTwice() {
        var engine = withContacts(ActivationBudget.DEFAULT);
        engine.flows.put(customers(true));
        var whole = new Segment("A", 0, 1, null, null);

        engine.engine.activation().run(whole);
        engine.engine.activation().run(whole);

        assertThat(engine.enrolments.ofContact("A", "c0")).hasSize(1);
        assertThat(engine.segments).isEmpty();
    }

    @Test
    void aSegmentOfAFlowTurnedOffSinceEnrolsNobodyAndQueuesNothing() {
        var engine = withContacts(new ActivationBudget(1, 1));
        engine.flows.put(customers(false));

        engine.engine.activation().run(new Segment("A", 0, 1, null, null));

        assertThat(engine.enrolments.all()).isEmpty();
        assertThat(engine.segments).isEmpty();
    }

    @Test
    void aContactEnrolledInTheFlowBeforeIsLeftAlone() {
        var engine = withContacts(ActivationBudget.DEFAULT);
        engine.flows.put(customers(true));
        var first = engine.engine.enrolByAction("A", "c0").enrolment().orElseThrow();

        assertThat(engine.engine.activation().wouldEnrol(customers(true), engine.contacts.find("c0").orElseThrow()))
                .isFalse();
        engine.engine.activation().run(new Segment("A", 0, 1, null, null));

        assertThat(engine.enrolments.ofContact("A", "c0")).containsExactly(first);
        assertThat(engine.enrolments.ofContact("A", "c3")).hasSize(1);
    }

    @Test
    void aSimulationEnrolsTheExistingContactsOfAFlowTurnedOnWithThem() {
        var scenario = new Scenario().contact("c1", "lifecyclestage", "customer")
                .contact("c2", "lifecyclestage", "lead");
        scenario.flow(flow("A").listBased(propertyIs("lifecyclestage", "customer"))
                .actions(delayDays("1", null, 3)));
        assertThat(scenario.runUntil(days(1)).enrolments("A")).as("a flow turned on enrols on changes only")
                .isEmpty();

        scenario.simulator().enrolExisting("A");
        SimulationReport report = scenario.runUntil(days(2));

        assertThat(report.enrolments("A")).singleElement().satisfies(enrolment -> {
            assertThat(enrolment.contactId()).isEqualTo("c1");
            assertThat(enrolment.source()).isEqualTo(EnrolmentSource.EXISTING_CONTACTS);
        });
    }
}
