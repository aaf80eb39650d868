package dev.flowline.engine.history;

import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.ifThen;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/** A flow's figures: enrolled, active, completed, unenrolled by reason, per action, goal conversions. */
class FlowMetricsTest {

    /** Gold contacts get an offer after a day; everyone waits two more days; goal: customer. */
    private static Scenario scenario() {
        return new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL")).suppressionLists(77)
                        .goal(propertyIs("lifecyclestage", "customer"))
                        .actions(delayDays("1", "2", 1),
                                ifThen("2", "Gold", propertyIs("tier", "gold"), "3", "4"),
                                marketingEmail("3", "4", "offer"),
                                delayDays("4", null, 2)))
                .contact("gold-converts", "country", "NL", "tier", "gold")
                .contact("gold-completes", "country", "NL", "tier", "gold")
                .contact("silver-completes", "country", "NL", "tier", "silver")
                .contact("suppressed", "country", "NL")
                .contact("plain-completes", "country", "NL")
                .contactInLists("never-enrolled", List.of("77"), "country", "NL")
                .set(days(2), "gold-converts", "lifecyclestage", "customer")
                .join(hours(6), "suppressed", "77");
    }

    @Test
    void theMetricsCountEnrolledActiveCompletedAndUnenrolledByReason() {
        FlowMetricsSnapshot metrics = scenario().runUntil(days(4)).metrics("A");

        assertThat(metrics.enrolled()).isEqualTo(5);
        assertThat(metrics.completed()).isEqualTo(3);
        assertThat(metrics.unenrolled()).isEqualTo(2);
        assertThat(metrics.active()).isZero();
        assertThat(metrics.unenrolledByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                UnenrolmentReason.GOAL_MET, 1L, UnenrolmentReason.SUPPRESSION_LIST, 1L));
    }

    @Test
    void theMetricsCountEachActionsOutcomesAndTheGoalConversions() {
        SimulationReport report = scenario().runUntil(days(4));
        FlowMetricsSnapshot metrics = report.metrics("A");

        assertThat(metrics.actions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "1", Map.of(HistoryKind.ACTION_SUCCEEDED, 5L),
                "2", Map.of(HistoryKind.ACTION_SUCCEEDED, 4L),
                "3", Map.of(HistoryKind.ACTION_SUCCEEDED, 2L),
                "4", Map.of(HistoryKind.ACTION_SUCCEEDED, 4L)));
        assertThat(metrics.goalConversions()).isEqualTo(1);
        assertThat(metrics.goalConversionRate()).isEqualTo(20.0);
    }

    @Test
    void activeContactsAreThoseNeitherCompletedNorUnenrolled() {
        FlowMetricsSnapshot metrics = scenario().runUntil(hours(12)).metrics("A");

        assertThat(metrics.enrolled()).isEqualTo(5);
        assertThat(metrics.unenrolled()).isEqualTo(1);
        assertThat(metrics.active()).isEqualTo(4);
    }
}
