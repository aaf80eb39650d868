package dev.flowline.engine.action;

import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.simulation.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.ZONE;
import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.ActionTesting.lastOf;
import static dev.flowline.engine.action.ActionTesting.setProperty;
import static org.assertj.core.api.Assertions.assertThat;

class EnrolInWorkflowActionTest {

    private final Simulator simulator = new Simulator(START, ZONE)
            // The target flow keeps its contacts: an SMS whose delivery stays pending.
            .addFlow(flow("target", action("0-25", "{\"phone_number\":\"+33600000000\",\"body\":\"hello\"}")))
            .addContact(contact("c"));

    @Test
    void theContactIsEnrolledByHandInTheOtherWorkflow() {
        simulator.addFlow(flow("f", action("0-15", "{\"flow_id\":\"target\"}")));
        simulator.enrol("f", "c");

        var report = simulator.runUntil(START.plus(Duration.ofMinutes(1)));

        assertThat(report.enrolments("target")).singleElement().satisfies(enrolment -> {
            assertThat(enrolment.source()).isEqualTo(EnrolmentSource.MANUAL);
            assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        });
        assertThat(lastOf(report, "f", "c", "1").detail()).isEqualTo("enrolled in workflow target");
    }

    @Test
    void aContactAlreadyEnrolledThereFailsWithTheReasonAndGoesOn() {
        simulator.addFlow(flow("f", action("0-15", "{\"workflow_id\":\"target\"}"), setProperty("after", "yes")));
        simulator.enrol("target", "c");
        simulator.enrol("f", "c");

        var report = simulator.runUntil(START.plus(Duration.ofMinutes(1)));

        assertThat(report.enrolments("target")).hasSize(1);
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
        assertThat(lastOf(report, "f", "c", "1").detail())
                .isEqualTo("not enrolled in workflow target: the contact is already enrolled in this workflow");
        assertThat(simulator.contacts().find("c").orElseThrow().value("after")).contains("yes");
    }

    @Test
    void anUnknownWorkflowFails() {
        simulator.addFlow(flow("f", action("0-15", "{\"flow_id\":\"nope\"}")));
        simulator.enrol("f", "c");

        var report = simulator.runUntil(START.plus(Duration.ofMinutes(1)));

        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
    }
}
