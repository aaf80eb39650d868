package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.journey.Journey;
import dev.flowline.engine.journey.JourneyStore;
import dev.flowline.engine.journey.JourneyVersion;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Journeys in the flows table, in a key space of their own that flow listings and the enabled-flows index never
 * see. Each journey has a head item in the partition {@code <account>#JOURNEYS} (sort key: the journey id) with
 * its draft, its dates and how many versions it has, so that listing the journeys is one query; each published
 * version is an immutable item {@code VER#0000000001}, ... in the journey's partition
 * {@code <account>#JOURNEY#journeyId}, which also holds its enrolments ({@link DynamoJourneyEnrolmentStore}). Both
 * partition keys are {@link Account#key account keys}, so an account sees only its own journeys.
 * <p>
 * Contact changes read the journeys each time: versions never change once written, so they are kept in memory
 * and only a head's version count sends the store back to the table for the new ones.
 */
public final class DynamoJourneyStore implements JourneyStore {

    /** The AWS calls it makes: journeys live in the flows table. */
    public static final Permissions PERMISSIONS = Permissions.on("FlowsTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query");

    static final String PK = "flowId";
    static final String SK = "sk";
    static final String HEADS = "JOURNEYS";
    private static final String JOURNEY_PREFIX = "JOURNEY#";
    private static final String VERSION_PREFIX = "VER#";
    private static final String JSON = "json";
    private static final String VERSIONS = "versions";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;
    /** Published versions by journey id and creation time (a deleted journey's id could come back). */
    private final Map<String, List<JourneyVersion>> versionCache = new ConcurrentHashMap<>();

    public DynamoJourneyStore(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.flows();
        this.account = account;
    }

    /** The partition of one journey of {@code account}: its versions and its enrolments. */
    static String partition(Account account, String journeyId) {
        return account.key(JOURNEY_PREFIX + journeyId);
    }

    private String partition(String journeyId) {
        return partition(account, journeyId);
    }

    private Map<String, AttributeValue> headKey(String journeyId) {
        return Map.of(PK, fromS(account.key(HEADS)), SK, fromS(journeyId));
    }

    @Override
    public Optional<Journey> find(String journeyId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(headKey(journeyId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(journeyOf(item));
    }

    @Override
    public Collection<Journey> all() {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :heads")
                        .expressionAttributeNames(Map.of("#pk", PK))
                        .expressionAttributeValues(Map.of(":heads", fromS(account.key(HEADS)))))
                .items().stream().map(this::journeyOf).toList();
    }

    /**
     * Writes the head and the versions the table does not have yet, in one transaction conditional on the version
     * count read first: a publish racing another fails with {@link ConcurrentModificationException}.
     */
    @Override
    public void save(Journey journey) {
        var stored = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(headKey(journey.id()))).item();
        int storedVersions = stored == null || stored.isEmpty() ? 0 : Integer.parseInt(stored.get(VERSIONS).n());
        if (journey.versions().size() < storedVersions) {
            throw changed(journey.id());
        }
        var head = new HashMap<>(headKey(journey.id()));
        head.put(JSON, fromS(new Journey(journey.id(), journey.draft(), List.of(), journey.createdAt(),
                journey.updatedAt()).toJson()));
        head.put(VERSIONS, fromN(String.valueOf(journey.versions().size())));
        var writes = new ArrayList<TransactWriteItem>();
        var putHead = Put.builder().tableName(table).item(head);
        writes.add(TransactWriteItem.builder().put(stored == null || stored.isEmpty()
                ? putHead.conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PK)).build()
                : putHead.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSIONS))
                        .expressionAttributeValues(Map.of(":v", fromN(String.valueOf(storedVersions)))).build())
                .build());
        for (JourneyVersion version : journey.versions().subList(storedVersions, journey.versions().size())) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(Map.of(PK, fromS(partition(journey.id())), SK, fromS(versionKey(version.version())),
                            JSON, fromS(FlowlineJson.write(version))))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)).build()).build());
        }
        if (!Transactions.write(dynamo, writes).isEmpty()) {
            throw changed(journey.id());
        }
    }

    /** Removes the journey's head and its partition: versions and enrolments. */
    @Override
    public void delete(String journeyId) {
        dynamo.deleteItem(b -> b.tableName(table).key(headKey(journeyId)));
        deletePartition(dynamo, table, partition(journeyId), null);
        versionCache.keySet().removeIf(key -> key.startsWith(journeyId + "@"));
    }

    /** Deletes the items of {@code partition} whose sort key begins with {@code skPrefix} (null: all of them). */
    static void deletePartition(DynamoDbClient dynamo, String table, String partition, String skPrefix) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":pk", fromS(partition));
        if (skPrefix != null) {
            values.put(":prefix", fromS(skPrefix));
        }
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression(skPrefix == null ? "#pk = :pk"
                                : "#pk = :pk AND begins_with(#sk, :prefix)")
                        .projectionExpression("#pk, #sk")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(values))
                .items().forEach(key -> dynamo.deleteItem(b -> b.tableName(table).key(key)));
    }

    private Journey journeyOf(Map<String, AttributeValue> head) {
        Journey journey = Journey.parse(head.get(JSON).s());
        int count = Integer.parseInt(head.get(VERSIONS).n());
        return new Journey(journey.id(), journey.draft(), versions(journey, count), journey.createdAt(),
                journey.updatedAt());
    }

    private List<JourneyVersion> versions(Journey journey, int count) {
        if (count == 0) {
            return List.of();
        }
        String key = journey.id() + "@" + journey.createdAt();
        List<JourneyVersion> cached = versionCache.getOrDefault(key, List.of());
        if (cached.size() >= count) {
            return cached.subList(0, count);
        }
        var all = new ArrayList<>(cached);
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND #sk > :after")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(":pk", fromS(partition(journey.id())),
                                ":after", fromS(cached.isEmpty() ? VERSION_PREFIX : versionKey(cached.size())))))
                .items().stream().takeWhile(item -> item.get(SK).s().startsWith(VERSION_PREFIX))
                .forEach(item -> all.add(FlowlineJson.read(item.get(JSON).s(), JourneyVersion.class)));
        versionCache.put(key, List.copyOf(all));
        return all.size() > count ? List.copyOf(all.subList(0, count)) : List.copyOf(all);
    }

    private static String versionKey(int version) {
        return VERSION_PREFIX + "%010d".formatted(version);
    }

    private static ConcurrentModificationException changed(String journeyId) {
        return new ConcurrentModificationException(
                "journey " + journeyId + " changed while it was being saved; reload it and try again");
    }
}
