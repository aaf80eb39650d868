package dev.flowline.engine.timing;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.flowline.engine.timing.TestFlows.FLOW_ID;
import static dev.flowline.engine.timing.TestFlows.PARIS;
import static dev.flowline.engine.timing.TestFlows.PLAIN_ACTION;
import static dev.flowline.engine.timing.TestFlows.WEEKDAYS_9_TO_17;
import static dev.flowline.engine.timing.TestFlows.action;
import static dev.flowline.engine.timing.TestFlows.entries;
import static dev.flowline.engine.timing.TestFlows.flow;
import static dev.flowline.engine.timing.TestFlows.paris;
import static dev.flowline.engine.timing.TestFlows.ranAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HubSpot's example: with execution times Monday to Friday 9:00 to 17:00, a 2-day delay entered on Thursday
 * ends on Saturday, the branch after it is evaluated on Saturday, and the next action runs Monday 9:00-9:15.
 */
class ExecutionWindowTimelineTest {

    private static final String IF_THEN = """
            {"type":"LIST_BRANCH","actionId":"2","listBranches":[],
             "defaultBranch":{"edgeType":"STANDARD","nextActionId":"3"},"defaultBranchName":"Otherwise"}""";

    @Test
    void delaysAndBranchesAreNotMovedButTheActionAfterThemIs() {
        Instant thursday = paris("2026-03-26T11:00");
        var simulator = new Simulator(thursday, PARIS)
                .addFlow(flow(WEEKDAYS_9_TO_17,
                        action("1", "0-1", "{\"delta\":\"2\",\"time_unit\":\"DAYS\"}", "2"),
                        IF_THEN,
                        action("3", PLAIN_ACTION, "{}", null)))
                .addContact(new Contact("c1"));
        simulator.enrol(FLOW_ID, "c1");

        SimulationReport report = simulator.runUntil(paris("2026-04-06T00:00"));

        String enrolment = FLOW_ID + ":c1:1";
        assertThat(ranAt(report, enrolment, "1")).isEqualTo(thursday);
        assertThat(ranAt(report, enrolment, "2")).isEqualTo(paris("2026-03-28T11:00"));
        var third = entries(report, enrolment, "3");
        assertThat(third.getFirst().kind()).isEqualTo(HistoryKind.RESCHEDULED);
        assertThat(third.getFirst().at()).isEqualTo(paris("2026-03-28T11:00"));
        Instant ran = third.getLast().at();
        assertThat(third.getLast().kind()).isNotEqualTo(HistoryKind.RESCHEDULED);
        // Monday 30 March, after the change to summer time.
        assertThat(ran).isBetween(paris("2026-03-30T09:00"), paris("2026-03-30T09:00").plus(Duration.ofMinutes(15)));
        assertThat(ran).isBefore(paris("2026-03-30T09:15"));
    }
}
