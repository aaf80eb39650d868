package dev.flowline.engine.activation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.InMemoryEngine;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.Outbox;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.flowline.engine.InMemoryEngine.NOW;
import static dev.flowline.engine.simulation.TestFlow.anyOf;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Flows' recurring runs: which a flow needs, and whom a schedule run or a time sweep enrols. */
class RecurringRunsTest {

    private static final String DAILY = """
            {"type":"DAILY","timeOfDay":{"hour":9,"minute":0}}""";
    private static final String RENEWAL_WITHIN_30_DAYS = anyOf("""
            {"filterType":"PROPERTY","property":"renewal_date","operation":{"operationType":"ROLLING_DATE_RANGE",
             "operator":"IS_LESS_THAN_X_DAYS_FROM_NOW","numberOfDays":30,"includeObjectsWithNoValueSet":false}}""");

    /** Customers, enrolled daily at 9:00; each enrolment waits a day. */
    private static Flow scheduled(boolean enabled, boolean reEnrol) {
        var flow = flow("S").listBased(propertyIs("lifecyclestage", "customer"), reEnrol, false)
                .actions(delayDays("1", null, 1));
        ObjectNode json = (ObjectNode) FlowlineJson.read((enabled ? flow : flow.turnedOff()).build().toJson(),
                JsonNode.class);
        json.set("enrollmentSchedule", FlowlineJson.read(DAILY, JsonNode.class));
        return Flow.parse(json.toString());
    }

    private static Flow renewals(boolean enabled) {
        var flow = flow("R").listBased(RENEWAL_WITHIN_30_DAYS).actions(delayDays("1", null, 1));
        return (enabled ? flow : flow.turnedOff()).build();
    }

    private static InMemoryEngine customers() {
        var engine = new InMemoryEngine();
        engine.contact("c1", "lifecyclestage", "customer");
        engine.contact("c2", "lifecyclestage", "lead");
        return engine;
    }

    @Test
    void anEnabledScheduledFlowHasItsScheduleAndATimeRelativeFlowItsSweep() {
        var runs = new Outbox();
        var scheduled = new ScheduledActivations(runs);

        scheduled.saved(null, scheduled(true, false));
        scheduled.saved(null, renewals(true));
        scheduled.saved(null, flow("P").listBased(propertyIs("lifecyclestage", "customer")).build());

        assertThat(runs.recurringRuns()).extracting(RecurringRun::flowId, RecurringRun::kind).containsExactly(
                tuple("R", RecurringRun.Kind.TIME_SWEEP),
                tuple("S", RecurringRun.Kind.ENROLMENT_SCHEDULE));
        assertThat(runs.recurringRuns().getLast().schedule().type()).isEqualTo("DAILY");
    }

    @Test
    void aFlowThatNeverNeededARunCostsNoSchedulerCall() {
        var scheduled = new ScheduledActivations(new RecurringRuns() {
            @Override
            public void put(RecurringRun run) {
                throw new AssertionError("put " + run);
            }

            @Override
            public void remove(String flowId, RecurringRun.Kind kind) {
                throw new AssertionError("removed " + kind + " of " + flowId);
            }
        });
        Flow plain = flow("P").listBased(propertyIs("lifecyclestage", "customer")).build();

        scheduled.saved(null, plain);
        scheduled.saved(plain, plain);
        scheduled.deleted(plain);
    }

    @Test
    void turningAFlowOffOrDeletingItRemovesItsRuns() {
        var runs = new Outbox();
        var scheduled = new ScheduledActivations(runs);
        scheduled.saved(null, scheduled(true, false));
        scheduled.saved(null, renewals(true));

        scheduled.saved(scheduled(true, false), scheduled(false, false));
        scheduled.deleted(renewals(true));

        assertThat(runs.recurringRuns()).isEmpty();
    }

    @Test
    void aScheduleRunEnrolsTheContactsItSelects() {
        var engine = customers();
        engine.flows.put(scheduled(true, false));

        engine.engine.activation().startSchedule("S", NOW);
        assertThat(engine.segments).hasSize(Activation.SEGMENTS)
                .allSatisfy(segment -> assertThat(segment.run()).isEqualTo(Segment.Run.SCHEDULE));
        engine.runSegments();

        assertThat(engine.enrolments.ofContact("S", "c1")).singleElement()
                .extracting(Enrolment::source).isEqualTo(EnrolmentSource.SCHEDULE);
        assertThat(engine.enrolments.ofContact("S", "c2")).isEmpty();
    }

    @Test
    void aScheduleOfAFlowTurnedOffQueuesNothing() {
        var engine = customers();
        engine.flows.put(scheduled(false, false));

        engine.engine.activation().startSchedule("S", NOW);

        assertThat(engine.segments).isEmpty();
        assertThat(engine.enrolments.all()).isEmpty();
    }

    /** An enrolment of c1 two days ago, still active or ended by hand. */
    private static void enrolledTwoDaysAgo(InMemoryEngine engine, boolean ended) {
        var earlier = Enrolment.start("S", "c1", 1, EnrolmentSource.MANUAL, "1", NOW.minus(Duration.ofDays(2)));
        engine.enrolments.create(earlier);
        if (ended) {
            engine.engine.unenroller().unenrol(earlier, UnenrolmentReason.MANUAL);
        }
    }

    @Test
    void aContactStillEnrolledIsNotEnrolledAgainByARun() {
        var engine = customers();
        engine.flows.put(scheduled(true, true));
        enrolledTwoDaysAgo(engine, false);

        engine.engine.activation().startSchedule("S", NOW);
        engine.runSegments();

        assertThat(engine.enrolments.ofContact("S", "c1")).hasSize(1);
    }

    @Test
    void withReEnrolmentOffAContactEnrolledBeforeIsNotEnrolledAgain() {
        var engine = customers();
        engine.flows.put(scheduled(true, false));
        enrolledTwoDaysAgo(engine, true);

        engine.engine.activation().startSchedule("S", NOW);
        engine.runSegments();

        assertThat(engine.enrolments.ofContact("S", "c1")).hasSize(1);
    }

    @Test
    void withReEnrolmentOnARunEnrolsAgainButTheSameRunRepeatedDoesNot() {
        var engine = customers();
        engine.flows.put(scheduled(true, true));
        enrolledTwoDaysAgo(engine, true);

        engine.engine.activation().startSchedule("S", NOW);
        engine.runSegments();
        var second = engine.enrolments.ofContact("S", "c1").getLast();
        engine.engine.unenroller().unenrol(second, UnenrolmentReason.MANUAL);
        engine.engine.activation().startSchedule("S", NOW);
        engine.runSegments();

        assertThat(engine.enrolments.ofContact("S", "c1")).hasSize(2);
        assertThat(second.enrolledAt()).isEqualTo(NOW);
    }

    @Test
    void aTimeSweepEnrolsOnlyTheContactsTimeMadeMeetTheTriggers() {
        var engine = new InMemoryEngine();
        engine.contact("crossed", "renewal_date", NOW.plus(Duration.ofDays(29)).plus(Duration.ofHours(12)).toString());
        engine.contact("already", "renewal_date", NOW.plus(Duration.ofDays(10)).toString());
        engine.contact("later", "renewal_date", NOW.plus(Duration.ofDays(40)).toString());
        engine.flows.put(renewals(true));

        engine.engine.activation().startTimeSweep("R", NOW.minus(Duration.ofDays(1)), NOW);
        engine.runSegments();

        assertThat(engine.enrolments.ofContact("R", "crossed")).singleElement()
                .extracting(Enrolment::source).isEqualTo(EnrolmentSource.TRIGGER);
        assertThat(engine.enrolments.ofContact("R", "already")).isEmpty();
        assertThat(engine.enrolments.ofContact("R", "later")).isEmpty();
    }

    @Test
    void aTimeSweepOfAFlowTurnedOffQueuesNothing() {
        var engine = new InMemoryEngine();
        engine.flows.put(renewals(false));

        engine.engine.activation().startTimeSweep("R", NOW.minus(Duration.ofDays(1)), NOW);

        assertThat(engine.segments).isEmpty();
    }
}
