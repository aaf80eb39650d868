package dev.flowline.engine.history;

import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.Scenario.onlyEnrolment;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.ifThen;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each enrolment's history (reference §6.11). */
class HistoryTest {

    private static final String CUSTOMER = propertyIs("lifecyclestage", "customer");

    private static List<HistoryEntry> historyOf(SimulationReport report, String flowId, String contactId) {
        return report.history().ofEnrolment(onlyEnrolment(report, flowId, contactId).enrolmentId());
    }

    @Test
    void theHistoryListsTheEnrolmentAndWhyEveryActionWithItsOutcomeAndTheCompletion() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL")).actions(
                        delayDays("1", "2", 1),
                        ifThen("2", "Gold", propertyIs("tier", "gold"), "3", null),
                        marketingEmail("3", null, "gold-offer")))
                .contact("c1", "country", "NL", "tier", "gold");

        SimulationReport report = scenario.runUntil(days(2));

        assertThat(historyOf(report, "A", "c1"))
                .extracting(HistoryEntry::kind, HistoryEntry::actionId, HistoryEntry::at)
                .containsExactly(
                        tuple(HistoryKind.ENROLLED, null, Scenario.T0),
                        tuple(HistoryKind.ACTION_SUCCEEDED, "1", Scenario.T0),
                        tuple(HistoryKind.ACTION_SUCCEEDED, "2", Scenario.T0.plus(days(1))),
                        tuple(HistoryKind.ACTION_SUCCEEDED, "3", Scenario.T0.plus(days(1))),
                        tuple(HistoryKind.COMPLETED, null, Scenario.T0.plus(days(1))));
        assertThat(historyOf(report, "A", "c1").getFirst().detail()).isEqualTo("enrolled: met the enrolment triggers");
        assertThat(historyOf(report, "A", "c1").get(2).detail()).isEqualTo("took branch \"Gold\"");
    }

    @Test
    void theHistoryRecordsAGoalMetThenTheUnenrolmentWithItsReason() {
        var scenario = new Scenario()
                .flow(flow("A").manual(false).goal(CUSTOMER).actions(marketingEmail("1", "2", "nurture"),
                        delayDays("2", null, 2)))
                .contact("c1")
                .set(hours(5), "c1", "lifecyclestage", "customer");
        scenario.enrolByHand("A", "c1");

        List<HistoryEntry> history = historyOf(scenario.runUntil(days(3)), "A", "c1");

        assertThat(history).extracting(HistoryEntry::kind).containsExactly(HistoryKind.ENROLLED,
                HistoryKind.ACTION_SUCCEEDED, HistoryKind.ACTION_SUCCEEDED, HistoryKind.GOAL_MET, HistoryKind.UNENROLLED);
        assertThat(history.getFirst().detail()).isEqualTo("enrolled: enrolled by hand");
        assertThat(history.get(3).detail()).isEqualTo("met the goal (counted as a conversion)");
        assertThat(history.get(4).detail()).isEqualTo("unenrolled: met the workflow's goal");
        assertThat(history.get(4).at()).isEqualTo(Scenario.T0.plus(hours(5)));
    }

    @Test
    void aSkippedActionIsRecordedWithItsReason() {
        var scenario = new Scenario()
                .flow(flow("A").manual(false).actions("""
                        {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"1-179507819",
                         "fields":{"channel":"#sales"}}"""))
                .contact("c1");
        scenario.enrolByHand("A", "c1");

        assertThat(historyOf(scenario.runUntil(hours(1)), "A", "c1"))
                .filteredOn(line -> line.kind() == HistoryKind.ACTION_SKIPPED).singleElement()
                .satisfies(line -> assertThat(line.detail()).isEqualTo("app action 1-179507819 needs the app that provides it (such as Slack or Salesforce), which Flowline does not connect to"));
    }
}
