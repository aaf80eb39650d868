package dev.flowline.engine.simulation;

import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.FlowMetricsSnapshot;
import dev.flowline.engine.history.HistoryKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.ifThen;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand trial contacts through: wait 3 days, then gold contacts get an offer email and the others
 * end; goal: becoming a customer. Contact {@code i} is gold when i is even. Known subsets meet the goal:
 * <ul>
 *   <li>day 1, during the delay: i divisible by 5 (2,000: 1,000 gold, 1,000 not), unenrolled, not counted;</li>
 *   <li>day 5, after the flow: i = 2 mod 4 and not divisible by 5 (2,000 gold, sent the email), counted;
 *       i = 1 mod 4 and not divisible by 5 (2,000 not gold, no email), not counted.</li>
 * </ul>
 */
class SimulatorScaleTest {

    private static final int CONTACTS = 10_000;

    @Test
    void tenThousandContactsThroughADelayABranchAnEmailAndAGoal() {
        var scenario = new Scenario().flow(flow("trial").listBased(propertyIs("segment", "trial"))
                .goal(propertyIs("lifecyclestage", "customer"))
                .actions(delayDays("1", "2", 3),
                        ifThen("2", "Gold", propertyIs("tier", "gold"), "3", null),
                        marketingEmail("3", null, "gold-offer")));
        for (int i = 0; i < CONTACTS; i++) {
            String id = "c" + i;
            scenario.contact(id, "segment", "trial", "tier", i % 2 == 0 ? "gold" : "silver");
            if (i % 5 == 0) {
                scenario.set(days(1), id, "lifecyclestage", "customer");
            } else if (i % 4 == 2 || i % 4 == 1) {
                scenario.set(days(5), id, "lifecyclestage", "customer");
            }
        }

        SimulationReport duringTheDelay = scenario.runUntil(days(2));
        assertThat(duringTheDelay.statuses("trial")).containsExactlyInAnyOrderEntriesOf(Map.of(
                EnrolmentStatus.ACTIVE, 8_000L, EnrolmentStatus.UNENROLLED, 2_000L));
        assertThat(duringTheDelay.waitingAt("trial")).containsExactlyEntriesOf(Map.of("2", 8_000L));
        assertThat(duringTheDelay.outbox().marketingEmails()).isEmpty();

        SimulationReport report = scenario.runUntil(days(6));
        FlowMetricsSnapshot metrics = report.metrics("trial");

        assertThat(report.statuses("trial")).containsExactlyInAnyOrderEntriesOf(Map.of(
                EnrolmentStatus.COMPLETED, 8_000L, EnrolmentStatus.UNENROLLED, 2_000L));
        assertThat(report.waitingAt("trial")).isEmpty();
        assertThat(metrics.enrolled()).isEqualTo(10_000);
        assertThat(metrics.completed()).isEqualTo(8_000);
        assertThat(metrics.unenrolledByReason()).containsExactlyEntriesOf(Map.of(UnenrolmentReason.GOAL_MET, 2_000L));
        assertThat(metrics.actions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "1", Map.of(HistoryKind.ACTION_SUCCEEDED, 10_000L),
                "2", Map.of(HistoryKind.ACTION_SUCCEEDED, 8_000L),
                "3", Map.of(HistoryKind.ACTION_SUCCEEDED, 4_000L)));
        assertThat(report.outbox().marketingEmails()).hasSize(4_000)
                .allSatisfy(email -> assertThat(Integer.parseInt(email.contactId().substring(1)) % 2).isZero());
        assertThat(report.enrolments("trial").stream().filter(e -> e.goalConverted()).count()).isEqualTo(2_000);
        assertThat(metrics.goalConversions()).isEqualTo(2_000);
        assertThat(metrics.goalConversionRate()).isEqualTo(20.0);
    }
}
