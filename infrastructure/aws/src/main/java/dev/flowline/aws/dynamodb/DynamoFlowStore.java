package dev.flowline.aws.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.Page;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowStore;
import dev.flowline.engine.definition.StaleRevisionException;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Flows in DynamoDB. Each save writes an immutable revision item ({@code REV#0000000001}, ...) and replaces the
 * {@code CURRENT} item, in one transaction conditional on the revision the caller read: revision ids are
 * {@code "1"}, {@code "2"}, ... and a save of a stale one fails with {@link StaleRevisionException}. The flow's
 * JSON is stored as {@link Flow#toJson()} writes it, with the new revision id. Enabled flows carry
 * {@code enabled = <account>#ENABLED} on their CURRENT item, which puts them, and only them, in a sparse index
 * under their account. Flow ids are stored as {@link Account#key account keys}.
 * <p>
 * A flow read by id is parsed once per revision: the item read names its revision, and the flow parsed from the same
 * item at that revision before is given again. The table is read every time, so no edit is missed.
 */
public final class DynamoFlowStore implements FlowStore {

    /** The AWS calls it makes: the flows table's current items and revisions, and the index of enabled flows. */
    public static final Permissions PERMISSIONS = Permissions.on("FlowsTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query",
            "dynamodb:Scan").and("FlowsTable/index/enabled", "dynamodb:Query");

    private static final String FLOW_ID = "flowId";
    private static final String SK = "sk";
    private static final String CURRENT = "CURRENT";
    private static final String REVISION_PREFIX = "REV#";
    private static final String REVISION = "revision";
    private static final String JSON = "json";
    private static final String ENABLED = "enabled";
    private static final String ENABLED_VALUE = "ENABLED";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;
    /** The latest flow parsed from each item (flow id and sort key), with its revision. */
    private final Map<List<String>, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(long revision, Flow flow) {
    }

    public DynamoFlowStore(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.flows();
        this.account = account;
    }

    @Override
    public Optional<Flow> find(String flowId) {
        return get(flowId, CURRENT);
    }

    @Override
    public List<Flow> enabledFlows() {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName(FlowlineTables.FLOWS_ENABLED_INDEX)
                        .keyConditionExpression("#e = :e")
                        .expressionAttributeNames(Map.of("#e", ENABLED))
                        .expressionAttributeValues(Map.of(":e", fromS(account.key(ENABLED_VALUE)))))
                .items().stream().map(DynamoFlowStore::flowOf).toList();
    }

    /**
     * In the table's scan order. A scan reads every revision item too: listing costs reads in proportion to the
     * table.
     */
    @Override
    public Page<Flow> page(String after, int limit) {
        var flows = new ArrayList<Flow>();
        Map<String, AttributeValue> start = after == null ? null
                : Map.of(FLOW_ID, fromS(account.key(after)), SK, fromS(CURRENT));
        do {
            var startKey = start;
            var response = dynamo.scan(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(startKey)
                    .filterExpression("#sk = :current AND begins_with(#id, :account)")
                    .expressionAttributeNames(Map.of("#sk", SK, "#id", FLOW_ID))
                    .expressionAttributeValues(Map.of(":current", fromS(CURRENT),
                            ":account", fromS(account.prefix()))));
            for (var item : response.items()) {
                flows.add(flowOf(item));
                if (flows.size() == limit) {
                    return new Page<>(flows, Optional.of(account.strip(item.get(FLOW_ID).s())));
                }
            }
            start = response.lastEvaluatedKey().isEmpty() ? null : response.lastEvaluatedKey();
        } while (start != null);
        return new Page<>(flows, Optional.empty());
    }

    @Override
    public Flow save(Flow flow) {
        long next = flow.revisionId() == null ? 1 : revisionNumber(flow) + 1;
        ObjectNode tree = FlowlineJson.mapper().valueToTree(flow);
        tree.put("revisionId", String.valueOf(next));
        String json = tree.toString();

        Map<String, AttributeValue> current = item(flow.id(), CURRENT, json, next);
        if (flow.enabled()) {
            current.put(ENABLED, fromS(account.key(ENABLED_VALUE)));
        }
        var replaceCurrent = Put.builder().tableName(table).item(current);
        if (next == 1) {
            replaceCurrent.conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", FLOW_ID));
        } else {
            replaceCurrent.conditionExpression("#r = :expected")
                    .expressionAttributeNames(Map.of("#r", REVISION))
                    .expressionAttributeValues(Map.of(":expected", fromN(String.valueOf(next - 1))));
        }
        var addRevision = Put.builder().tableName(table).item(item(flow.id(), revisionKey(next), json, next))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", FLOW_ID));

        if (!Transactions.write(dynamo, List.of(TransactWriteItem.builder().put(replaceCurrent.build()).build(),
                TransactWriteItem.builder().put(addRevision.build()).build())).isEmpty()) {
            throw new StaleRevisionException(flow.id(), flow.revisionId());
        }
        return Flow.parse(json);
    }

    /** Every revision of the flow, oldest first. */
    public List<Flow> revisions(String flowId) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#id = :id AND begins_with(#sk, :rev)")
                        .expressionAttributeNames(Map.of("#id", FLOW_ID, "#sk", SK))
                        .expressionAttributeValues(Map.of(":id", fromS(account.key(flowId)),
                                ":rev", fromS(REVISION_PREFIX))))
                .items().stream().map(DynamoFlowStore::flowOf).toList();
    }

    @Override
    public Optional<Flow> revision(String flowId, String revisionId) {
        try {
            return get(flowId, revisionKey(Long.parseLong(revisionId)));
        } catch (NumberFormatException notARevision) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String flowId) {
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#id = :id")
                        .projectionExpression("#id, #sk")
                        .expressionAttributeNames(Map.of("#id", FLOW_ID, "#sk", SK))
                        .expressionAttributeValues(Map.of(":id", fromS(account.key(flowId)))))
                .items().forEach(key -> dynamo.deleteItem(b -> b.tableName(table).key(key)));
        parsed.keySet().removeIf(key -> key.getFirst().equals(flowId));
    }

    private Optional<Flow> get(String flowId, String sk) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(FLOW_ID, fromS(account.key(flowId)), SK, fromS(sk)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        long revision = Long.parseLong(item.get(REVISION).n());
        Parsed kept = parsed.compute(List.of(flowId, sk), (key, was) -> was != null && was.revision() == revision
                ? was : new Parsed(revision, flowOf(item)));
        return Optional.of(kept.flow());
    }

    private static long revisionNumber(Flow flow) {
        try {
            return Long.parseLong(flow.revisionId());
        } catch (NumberFormatException notARevision) {
            throw new StaleRevisionException(flow.id(), flow.revisionId());
        }
    }

    private Map<String, AttributeValue> item(String flowId, String sk, String json, long revision) {
        var item = new HashMap<String, AttributeValue>();
        item.put(FLOW_ID, fromS(account.key(flowId)));
        item.put(SK, fromS(sk));
        item.put(REVISION, fromN(String.valueOf(revision)));
        item.put(JSON, fromS(json));
        return item;
    }

    private static String revisionKey(long revision) {
        return REVISION_PREFIX + "%010d".formatted(revision);
    }

    private static Flow flowOf(Map<String, AttributeValue> item) {
        return Flow.parse(item.get(JSON).s());
    }
}
