package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.FlowCounts;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.history.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalDynamoDb.class)
class DynamoFlowMetricsTest {

    private static final Account ACCOUNT = new Account("a1");

    @Test
    void countersAreSpreadOverShardsAndSummedOnRead(DynamoDbClient dynamo, FlowlineTables tables) {
        var metrics = new DynamoFlowMetrics(dynamo, tables, ACCOUNT);
        IntStream.range(0, 40).parallel().forEach(i -> metrics.increment("f1", Metric.ENROLLED));
        IntStream.range(0, 3).forEach(i -> metrics.action("f1", "2", HistoryKind.ACTION_SUCCEEDED));
        metrics.action("f1", "2", HistoryKind.ACTION_FAILED);
        metrics.action("f1", "7", HistoryKind.ACTION_SKIPPED);
        metrics.increment("f1", Metric.COMPLETED);
        metrics.increment("f1", Metric.UNENROLLED);
        metrics.unenrolled("f1", UnenrolmentReason.SUPPRESSION_LIST);
        metrics.increment("f1", Metric.GOAL_CONVERSIONS);
        metrics.increment("f2", Metric.ENROLLED);

        var snapshot = metrics.snapshot("f1");

        assertThat(snapshot.enrolled()).isEqualTo(40);
        assertThat(snapshot.completed()).isEqualTo(1);
        assertThat(snapshot.unenrolled()).isEqualTo(1);
        assertThat(snapshot.active()).isEqualTo(38);
        assertThat(snapshot.goalConversions()).isEqualTo(1);
        assertThat(snapshot.unenrolledByReason()).isEqualTo(Map.of(UnenrolmentReason.SUPPRESSION_LIST, 1L));
        assertThat(snapshot.actions()).isEqualTo(Map.of(
                "2", Map.of(HistoryKind.ACTION_SUCCEEDED, 3L, HistoryKind.ACTION_FAILED, 1L),
                "7", Map.of(HistoryKind.ACTION_SKIPPED, 1L)));
        assertThat(dynamo.scan(b -> b.tableName(tables.metrics())).items())
                .as("items holding f1's counters").hasSizeGreaterThan(2);
    }

    @Test
    void aRunsCountsAreAddedInOneUpdate(DynamoDbClient dynamo, FlowlineTables tables) {
        var metrics = new DynamoFlowMetrics(dynamo, tables, ACCOUNT);
        metrics.action("f1", "1", HistoryKind.ACTION_SUCCEEDED);
        var counts = new FlowCounts();
        counts.action("1", HistoryKind.ACTION_SUCCEEDED);
        counts.action("1", HistoryKind.ACTION_SUCCEEDED);
        counts.action("2", HistoryKind.ACTION_FAILED);
        counts.increment(Metric.COMPLETED);

        metrics.add("f1", counts);

        assertThat(dynamo.scan(b -> b.tableName(tables.metrics())).items()).as("one shard per write").hasSizeLessThanOrEqualTo(2);
        var snapshot = metrics.snapshot("f1");
        assertThat(snapshot.completed()).isEqualTo(1);
        assertThat(snapshot.actions()).isEqualTo(Map.of("1", Map.of(HistoryKind.ACTION_SUCCEEDED, 3L),
                "2", Map.of(HistoryKind.ACTION_FAILED, 1L)));
    }

    @Test
    void resettingTheGoalClearsOnlyTheConversionCount(DynamoDbClient dynamo, FlowlineTables tables) {
        var metrics = new DynamoFlowMetrics(dynamo, tables, ACCOUNT);
        IntStream.range(0, 20).forEach(i -> metrics.increment("f1", Metric.GOAL_CONVERSIONS));
        metrics.increment("f1", Metric.ENROLLED);

        metrics.resetGoal("f1");
        metrics.increment("f1", Metric.GOAL_CONVERSIONS);

        assertThat(metrics.snapshot("f1").goalConversions()).isEqualTo(1);
        assertThat(metrics.snapshot("f1").enrolled()).isEqualTo(1);
    }

    @Test
    void aFlowWithoutCountsHasAnEmptySnapshot(DynamoDbClient dynamo, FlowlineTables tables) {
        var snapshot = new DynamoFlowMetrics(dynamo, tables, ACCOUNT).snapshot("f1");

        assertThat(snapshot.enrolled()).isZero();
        assertThat(snapshot.actions()).isEmpty();
    }
}
