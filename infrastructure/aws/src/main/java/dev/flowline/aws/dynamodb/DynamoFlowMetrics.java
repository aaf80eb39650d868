package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.FlowCounts;
import dev.flowline.engine.history.FlowMetrics;
import dev.flowline.engine.history.FlowMetricsSnapshot;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.history.Metric;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Flow counters in DynamoDB. A flow's counters are spread over {@value #SHARDS} items ({@code flowId#0} to
 * {@code flowId#7}), each with one number attribute per counter: {@code ENROLLED}, {@code unenrolled#GOAL_MET},
 * {@code action#<actionId>#ACTION_SUCCEEDED}. Each increment is an atomic ADD on a shard picked at random, so a
 * busy flow does not make one item hot; a snapshot reads the shards and sums them. Resetting the goal count
 * removes it from each shard in turn, so conversions counted during the reset may survive it. The flow id in the key
 * is an {@link Account#key account key}.
 */
public final class DynamoFlowMetrics implements FlowMetrics {

    /** The AWS calls it makes. */
    public static final Permissions PERMISSIONS = Permissions.on("MetricsTable", "dynamodb:UpdateItem", "dynamodb:BatchGetItem");

    static final int SHARDS = 8;
    private static final String PK = "pk";
    private static final String UNENROLLED_PREFIX = "unenrolled#";
    private static final String ACTION_PREFIX = "action#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;

    public DynamoFlowMetrics(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.metrics();
        this.account = account;
    }

    @Override
    public void increment(String flowId, Metric metric) {
        add(flowId, metric.name());
    }

    @Override
    public void unenrolled(String flowId, UnenrolmentReason reason) {
        add(flowId, UNENROLLED_PREFIX + reason.name());
    }

    @Override
    public void action(String flowId, String actionId, HistoryKind outcome) {
        add(flowId, ACTION_PREFIX + actionId + "#" + outcome.name());
    }

    /** One ADD per counter, all in one update of one shard. */
    @Override
    public void add(String flowId, FlowCounts counts) {
        var increments = new LinkedHashMap<String, Long>();
        counts.metrics().forEach((metric, n) -> increments.put(metric.name(), n));
        counts.actions().forEach((actionId, outcomes) -> outcomes.forEach((outcome, n) ->
                increments.put(ACTION_PREFIX + actionId + "#" + outcome.name(), n)));
        addAll(flowId, increments);
    }

    /** Each counter grown by its amount, in one update of a shard picked at random. */
    private void addAll(String flowId, Map<String, Long> increments) {
        var names = new HashMap<String, String>();
        var values = new HashMap<String, AttributeValue>();
        var adds = new ArrayList<String>();
        increments.forEach((counter, n) -> {
            int i = adds.size();
            names.put("#c" + i, counter);
            values.put(":n" + i, fromN(String.valueOf(n)));
            adds.add("#c" + i + " :n" + i);
        });
        if (adds.isEmpty()) {
            return;
        }
        var key = key(flowId, ThreadLocalRandom.current().nextInt(SHARDS));
        dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("ADD " + String.join(", ", adds))
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public void resetGoal(String flowId) {
        for (int shard = 0; shard < SHARDS; shard++) {
            var key = key(flowId, shard);
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("REMOVE #c")
                    .expressionAttributeNames(Map.of("#c", Metric.GOAL_CONVERSIONS.name())));
        }
    }

    @Override
    public FlowMetricsSnapshot snapshot(String flowId) {
        var totals = new HashMap<String, Long>();
        for (Map<String, AttributeValue> shard : shards(flowId)) {
            shard.forEach((name, value) -> {
                if (value.n() != null) {
                    totals.merge(name, Long.parseLong(value.n()), Long::sum);
                }
            });
        }
        var reasons = new EnumMap<UnenrolmentReason, Long>(UnenrolmentReason.class);
        var actions = new HashMap<String, Map<HistoryKind, Long>>();
        totals.forEach((name, count) -> {
            if (name.startsWith(UNENROLLED_PREFIX)) {
                reasons.put(UnenrolmentReason.valueOf(name.substring(UNENROLLED_PREFIX.length())), count);
            } else if (name.startsWith(ACTION_PREFIX)) {
                int kindAt = name.lastIndexOf('#');
                actions.computeIfAbsent(name.substring(ACTION_PREFIX.length(), kindAt),
                                a -> new EnumMap<>(HistoryKind.class))
                        .put(HistoryKind.valueOf(name.substring(kindAt + 1)), count);
            }
        });
        return new FlowMetricsSnapshot(totals.getOrDefault(Metric.ENROLLED.name(), 0L),
                totals.getOrDefault(Metric.COMPLETED.name(), 0L), totals.getOrDefault(Metric.UNENROLLED.name(), 0L),
                totals.getOrDefault(Metric.GOAL_CONVERSIONS.name(), 0L), Map.copyOf(reasons), Map.copyOf(actions));
    }

    @Override
    public void increment(String flowId, Metric metric, long amount) {
        addAll(flowId, Map.of(metric.name(), amount));
    }

    private void add(String flowId, String counter) {
        addAll(flowId, Map.of(counter, 1L));
    }

    private List<Map<String, AttributeValue>> shards(String flowId) {
        var keys = IntStream.range(0, SHARDS).mapToObj(shard -> key(flowId, shard)).toList();
        return dynamo.batchGetItemPaginator(b -> b.requestItems(
                        Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build())))
                .stream().flatMap(page -> page.responses().getOrDefault(table, List.of()).stream())
                .toList();
    }

    private Map<String, AttributeValue> key(String flowId, int shard) {
        return Map.of(PK, fromS(account.key(flowId) + "#" + shard));
    }
}
