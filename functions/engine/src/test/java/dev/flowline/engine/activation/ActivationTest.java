package dev.flowline.engine.activation;

import dev.flowline.engine.InMemoryEngine;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

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
        var engine = new InMemoryEngine(budget);
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
