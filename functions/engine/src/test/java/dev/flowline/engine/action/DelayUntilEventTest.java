package dev.flowline.engine.action;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.flowline.engine.action.DelayFixtures.run;
import static dev.flowline.engine.timing.TestFlows.FLOW_ID;
import static dev.flowline.engine.timing.TestFlows.PARIS;
import static dev.flowline.engine.timing.TestFlows.PLAIN_ACTION;
import static dev.flowline.engine.timing.TestFlows.action;
import static dev.flowline.engine.timing.TestFlows.entries;
import static dev.flowline.engine.timing.TestFlows.flow;
import static dev.flowline.engine.timing.TestFlows.paris;
import static dev.flowline.engine.timing.TestFlows.ranAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Delay 0-29 until an event: the contact waits for the event at most {@code expiration_minutes}, and a later
 * value-equals branch on {@code hs_event_criteria_met} routes those that did it ("true") from those whose wait
 * expired ("false").
 */
class DelayUntilEventTest {

    private static final Instant START = paris("2026-03-27T10:00");
    private static final String ENROLMENT = FLOW_ID + ":c1:1";
    private static final String FORM_SUBMITTED = """
            {"event_filter_branches":[{"filterBranchType":"UNIFIED_EVENTS","filterBranchOperator":"AND",
              "eventTypeId":"%s","operator":"HAS_COMPLETED","filters":[],"filterBranches":[]}]%s}""";
    private static final String MET_OR_NOT = """
            {"type":"STATIC_BRANCH","actionId":"2",
             "inputValue":{"type":"FIELD_DATA","actionId":"1","dataKey":"hs_event_criteria_met"},
             "staticBranches":[
               {"branchValue":"true","connection":{"edgeType":"STANDARD","nextActionId":"3"}},
               {"branchValue":"false","connection":{"edgeType":"STANDARD","nextActionId":"4"}}]}""";

    private static Flow waitForForm(String expiration) {
        return flow("",
                action("1", "0-29", FORM_SUBMITTED.formatted(StandardEvents.FORM_SUBMISSION, expiration), "2"),
                MET_OR_NOT,
                action("3", PLAIN_ACTION, "{}", null),
                action("4", PLAIN_ACTION, "{}", null));
    }

    private static Simulator enrolled(Flow flow) {
        var simulator = new Simulator(START, PARIS).addFlow(flow).addContact(new Contact("c1"));
        simulator.enrol(FLOW_ID, "c1");
        return simulator;
    }

    private static ActivityEvent event(String eventTypeId, Instant at) {
        return new ActivityEvent(eventTypeId, at, Map.of());
    }

    @Test
    void theEventBeforeTheTimeoutTakesTheMetBranchAtOnce() {
        Instant submitted = START.plus(Duration.ofHours(2));
        var simulator = enrolled(waitForForm(",\"expiration_minutes\":\"1440\""));
        simulator.at(submitted, "c1", c -> { }, event(StandardEvents.FORM_SUBMISSION, submitted));

        SimulationReport report = simulator.runUntil(START.plus(Duration.ofDays(3)));

        assertThat(ranAt(report, ENROLMENT, "3")).isEqualTo(submitted);
        assertThat(entries(report, ENROLMENT, "4")).isEmpty();
        assertThat(entries(report, ENROLMENT, "2").getFirst().detail()).isEqualTo("took branch \"true\"");
    }

    @Test
    void withoutTheEventTheNotMetBranchRunsAtExactlyTheExpiry() {
        var simulator = enrolled(waitForForm(",\"expiration_minutes\":1440"));
        simulator.at(START.plus(Duration.ofHours(2)), "c1", c -> { },
                event(StandardEvents.PAGE_VIEW, START.plus(Duration.ofHours(2))));

        SimulationReport report = simulator.runUntil(START.plus(Duration.ofDays(3)));

        assertThat(ranAt(report, ENROLMENT, "4")).isEqualTo(START.plus(Duration.ofMinutes(1440)));
        assertThat(entries(report, ENROLMENT, "3")).isEmpty();
        assertThat(entries(report, ENROLMENT, "2").getFirst().detail()).isEqualTo("took branch \"false\"");
    }

    @Test
    void whileWaitingTheContactStaysAtTheDelay() {
        SimulationReport report = enrolled(waitForForm(",\"expiration_minutes\":1440"))
                .runUntil(START.plus(Duration.ofHours(23)));

        assertThat(report.waitingAt(FLOW_ID)).isEqualTo(Map.of("1", 1L));
        assertThat(entries(report, ENROLMENT, "1").getFirst().kind()).isEqualTo(HistoryKind.WAITING);
    }

    @Test
    void withoutAnExpirationTheWaitLastsAtMostThreeYears() {
        StepResult result = run(waitForForm(""), new Contact("c1"), START);

        assertThat(result).isEqualTo(new StepResult.WaitForEvent(START.plus(Duration.ofDays(3 * 365))));
    }

    @Test
    void theLongestAcceptedExpirationIsWaitedForInFull() {
        StepResult result = run(waitForForm(",\"expiration_minutes\":\"2635200\""), new Contact("c1"), START);

        assertThat(result).isEqualTo(new StepResult.WaitForEvent(START.plus(Duration.ofMinutes(2_635_200))));
    }

    @Test
    void anExpirationBeyondFiveYearsCannotRunRatherThanWaitForEver() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> run(waitForForm(",\"expiration_minutes\":9223372036854775807"), new Contact("c1"), START))
                .withMessage("the delay's expiration_minutes \"9223372036854775807\" is not a whole number of minutes"
                        + " from 0 to 2635200");
    }
}
