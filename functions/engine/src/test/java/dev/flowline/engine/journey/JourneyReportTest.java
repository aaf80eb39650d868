package dev.flowline.engine.journey;

import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.simulation.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.journey.TestJourney.LIST;
import static dev.flowline.engine.journey.TestJourney.PROPERTY;
import static dev.flowline.engine.journey.TestJourney.journey;
import static dev.flowline.engine.journey.TestJourney.publish;
import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.hours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class JourneyReportTest {

    private final Scenario scenario = new Scenario();
    private final Journeys journeys = scenario.simulator().journeys();

    @Test
    void theReportCountsEnrolmentsPathsPerStageExitsAndOutcomes() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "new");      // 1 -> 2 -> goal
        scenario.contactInLists("bob", List.of(LIST), PROPERTY, "new");      // 1 -> lost
        scenario.contactInLists("cy", List.of(LIST), PROPERTY, "new");       // stays in 1
        scenario.contactInLists("dee", List.of(LIST), PROPERTY, "stalled");  // 3 -> 1 (go-to)
        scenario.contactInLists("eve", List.of(LIST));                       // eligible, not enrolled
        scenario.set(hours(2), "ada", PROPERTY, "engaged");
        scenario.set(hours(2), "bob", PROPERTY, "lost");
        scenario.runUntil(days(5));

        long eligible = journeys.eligible("j1", scenario.simulator().contacts().all());
        var report = journeys.report("j1", eligible).orElseThrow();

        assertThat(report.eligible()).isEqualTo(5);
        assertThat(report.enrolled()).isEqualTo(4);
        assertThat(report.succeeded()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.exits()).extracting("exitId", "count", "share")
                .containsExactly(tuple("won", 1L, 25.0), tuple("lost", 1L, 25.0));
        var first = report.stages().getFirst();
        assertThat(first.entered()).isEqualTo(4);
        assertThat(first.paths()).extracting("kind", "to", "count", "share").containsExactlyInAnyOrder(
                tuple("STAGE", "2", 1L, 25.0), tuple("EXIT", "lost", 1L, 25.0), tuple("IN_STAGE", null, 2L, 50.0));
        assertThat(report.stages().get(2).paths()).extracting("kind", "to", "count")
                .containsExactly(tuple("STAGE", "1", 1L));
    }

    @Test
    void eachContactHasAnActionAndEnrolmentLog() {
        publish(scenario, journey());
        scenario.contactInLists("ada", List.of(LIST), PROPERTY, "engaged");
        scenario.runUntil(days(3));

        assertThat(journeys.log("j1", "ada")).extracting(HistoryEntry::kind, HistoryEntry::actionId).containsSubsequence(
                tuple(HistoryKind.ENROLLED, null),
                tuple(HistoryKind.ENROLLED, null),
                tuple(HistoryKind.ACTION_SUCCEEDED, "b1"),
                tuple(HistoryKind.ACTION_SUCCEEDED, "b2"),
                tuple(HistoryKind.ACTION_SUCCEEDED, "b3"),
                tuple(HistoryKind.COMPLETED, null),
                tuple(HistoryKind.EXITED, null));
    }
}
