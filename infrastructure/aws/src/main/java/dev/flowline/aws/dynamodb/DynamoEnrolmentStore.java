package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.Page;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.EnrolmentStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Enrolments in DynamoDB, one item each ({@link EnrolmentItem}). "One active enrolment per contact per flow" is
 * kept by the enrolments' numbers: a contact's enrolments in a flow are numbered 1, 2, ... and enrolment n is
 * created only if it does not exist yet and, in the same transaction, enrolment n - 1 exists and is no longer
 * active. An enrolment never becomes active again once it has ended (re-enrolment creates a new one), so no two are
 * active at once, and ending one is a single conditional put, as every other write: on the sequence. A first
 * enrolment is a single conditional put too. Index reads are eventually consistent in DynamoDB. Keys are
 * {@link Account#key account keys}.
 * <p>
 * Earlier versions kept a lock item {@code ACTIVE#flowId#contactId} beside each active enrolment; this one neither
 * writes nor reads it, and deletes it with the contact's enrolments.
 */
public final class DynamoEnrolmentStore implements EnrolmentStore {

    /** The AWS calls it makes: Scan: the enrolment times of a flow. */
    public static final Permissions PERMISSIONS = Permissions.on("EnrolmentsTable", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Scan",
            "dynamodb:ConditionCheckItem").and("EnrolmentsTable/index/contact", "dynamodb:Query").and("EnrolmentsTable/index/active", "dynamodb:Query");

    /** An enrolment and the check of its predecessor are two of a transaction's 100 items. */
    static final int CREATIONS_PER_TRANSACTION = 50;
    private static final int READS_PER_REQUEST = 100;
    /** The lock item of earlier versions, deleted with its enrolment. */
    private static final String LOCK_PREFIX = "ACTIVE#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;

    public DynamoEnrolmentStore(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.enrolments();
        this.account = account;
    }

    @Override
    public Optional<Enrolment> find(String enrolmentId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(EnrolmentItem.PK, fromS(account.key(enrolmentId))))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(EnrolmentItem.fromItem(item, account));
    }

    @Override
    public List<Enrolment> ofContact(String flowId, String contactId) {
        return query(b -> b.indexName(FlowlineTables.ENROLMENTS_CONTACT_INDEX)
                .keyConditionExpression("#c = :c AND begins_with(#fn, :flow)")
                .expressionAttributeNames(Map.of("#c", EnrolmentItem.CONTACT_ID, "#fn", EnrolmentItem.FLOW_NUMBER))
                .expressionAttributeValues(Map.of(":c", fromS(account.key(contactId)),
                        ":flow", fromS(EnrolmentItem.flowNumberPrefix(flowId)))))
                .toList();
    }

    @Override
    public List<Enrolment> allOfContact(String contactId) {
        return byContact(FlowlineTables.ENROLMENTS_CONTACT_INDEX, EnrolmentItem.CONTACT_ID, contactId);
    }

    /** The enrolment's item and the lock an earlier version may have left go in one transaction. */
    @Override
    public void delete(Enrolment enrolment) {
        Transactions.write(dynamo, List.of(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(Map.of(EnrolmentItem.PK, fromS(account.key(enrolment.enrolmentId())))).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(Map.of(EnrolmentItem.PK, lockKey(enrolment))).build()).build()));
    }

    @Override
    public List<Enrolment> activeOfContact(String contactId) {
        return byContact(FlowlineTables.ENROLMENTS_ACTIVE_INDEX, EnrolmentItem.ACTIVE_CONTACT_ID, contactId);
    }

    /**
     * Read by scanning the table (there is no index by flow) from after the enrolment {@code after}, until a page is
     * full: its cost grows with the table, not the page.
     */
    @Override
    public Page<Enrolment> ofFlow(String flowId, EnrolmentStatus status, String after, int limit) {
        var names = new HashMap<>(Map.of("#f", EnrolmentItem.FLOW_ID));
        var values = new HashMap<>(Map.of(":f", fromS(account.key(flowId))));
        String filter = "#f = :f";
        if (status != null) {
            names.put("#s", "status");
            values.put(":s", fromS(status.name()));
            filter += " AND #s = :s";
        }
        String condition = filter;
        var found = new ArrayList<Enrolment>();
        Map<String, AttributeValue> start = after == null ? null : Map.of(EnrolmentItem.PK, fromS(account.key(after)));
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamo.scan(b -> b.tableName(table).consistentRead(true).filterExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).exclusiveStartKey(from));
            for (var item : response.items()) {
                found.add(EnrolmentItem.fromItem(item, account));
                if (found.size() == limit) {
                    return new Page<>(found, Optional.of(found.getLast().enrolmentId()));
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new Page<>(found, Optional.empty());
    }

    /** Read by a scan of the whole table (there is no index by flow): its cost grows with the table. */
    @Override
    public List<Instant> enrolmentTimes(String flowId) {
        return dynamo.scanPaginator(b -> b.tableName(table).filterExpression("#f = :f")
                        .projectionExpression("enrolledAt")
                        .expressionAttributeNames(Map.of("#f", EnrolmentItem.FLOW_ID))
                        .expressionAttributeValues(Map.of(":f", fromS(account.key(flowId)))))
                .items().stream().map(item -> Instant.parse(item.get("enrolledAt").s())).toList();
    }

    /** Read by a scan of the whole table, as {@link #enrolmentTimes}; only active enrolments carry the active key. */
    @Override
    public List<Enrolment> activeOfFlow(String flowId) {
        return dynamo.scanPaginator(b -> b.tableName(table).filterExpression("#f = :f AND attribute_exists(#active)")
                        .expressionAttributeNames(Map.of("#f", EnrolmentItem.FLOW_ID,
                                "#active", EnrolmentItem.ACTIVE_CONTACT_ID))
                        .expressionAttributeValues(Map.of(":f", fromS(account.key(flowId)))))
                .items().stream().map(item -> EnrolmentItem.fromItem(item, account)).toList();
    }

    @Override
    public boolean create(Enrolment enrolment) {
        List<TransactWriteItem> creation = creation(enrolment);
        return creation.size() == 1 ? put(creation.getFirst().put()) : Transactions.write(dynamo, creation).isEmpty();
    }

    /**
     * Up to {@value #CREATIONS_PER_TRANSACTION} enrolments to a transaction, each conditional as in {@link #create}. A transaction one of whose conditions fails writes nothing: it is tried
     * again without the enrolments that were there or whose predecessor was active.
     */
    @Override
    public List<Enrolment> createAll(List<Enrolment> enrolments) {
        var created = new ArrayList<Enrolment>();
        for (int from = 0; from < enrolments.size(); from += CREATIONS_PER_TRANSACTION) {
            var pending = new ArrayList<>(enrolments.subList(from,
                    Math.min(from + CREATIONS_PER_TRANSACTION, enrolments.size())));
            while (!pending.isEmpty()) {
                var items = new ArrayList<TransactWriteItem>();
                var owners = new ArrayList<Enrolment>();
                for (Enrolment enrolment : pending) {
                    List<TransactWriteItem> creation = creation(enrolment);
                    items.addAll(creation);
                    creation.forEach(item -> owners.add(enrolment));
                }
                Set<Integer> failed = Transactions.write(dynamo, items);
                if (failed.isEmpty()) {
                    created.addAll(pending);
                    pending.clear();
                } else {
                    failed.forEach(position -> pending.remove(owners.get(position)));
                }
            }
        }
        return created;
    }

    /** Read by id, a hundred to a request, consistently. */
    @Override
    public Map<String, Enrolment> firstOfContacts(String flowId, Collection<String> contactIds) {
        var first = new HashMap<String, Enrolment>();
        read(contactIds.stream().map(contactId -> Map.of(EnrolmentItem.PK,
                fromS(account.key(Enrolment.idOf(flowId, contactId, 1))))).toList())
                .stream().map(item -> EnrolmentItem.fromItem(item, account))
                .forEach(enrolment -> first.put(enrolment.contactId(), enrolment));
        return first;
    }

    /**
     * The conditional writes that create the enrolment: its item, and for an active enrolment after the first, the
     * check that the contact's previous enrolment in the flow has ended.
     */
    private List<TransactWriteItem> creation(Enrolment enrolment) {
        var items = new ArrayList<TransactWriteItem>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(EnrolmentItem.toItem(enrolment, account))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", EnrolmentItem.PK)).build()).build());
        if (enrolment.isActive() && enrolment.number() > 1) {
            String previous = Enrolment.idOf(enrolment.flowId(), enrolment.contactId(), enrolment.number() - 1);
            items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                    .key(Map.of(EnrolmentItem.PK, fromS(account.key(previous))))
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#active)")
                    .expressionAttributeNames(Map.of("#pk", EnrolmentItem.PK,
                            "#active", EnrolmentItem.ACTIVE_CONTACT_ID)).build()).build());
        }
        return items;
    }

    /** One conditional put on the sequence, also when the enrolment ends: it holds no lock. */
    @Override
    public boolean update(Enrolment enrolment, long expectedSequence) {
        return put(Put.builder().tableName(table).item(EnrolmentItem.toItem(enrolment, account))
                .conditionExpression("#seq = :expected")
                .expressionAttributeNames(Map.of("#seq", EnrolmentItem.SEQUENCE))
                .expressionAttributeValues(Map.of(":expected", fromN(String.valueOf(expectedSequence)))).build());
    }

    private boolean put(Put put) {
        try {
            dynamo.putItem(b -> b.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames())
                    .expressionAttributeValues(put.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException stale) {
            return false;
        }
    }

    private List<Enrolment> byContact(String index, String attribute, String contactId) {
        return query(b -> b.indexName(index)
                .keyConditionExpression("#c = :c")
                .expressionAttributeNames(Map.of("#c", attribute))
                .expressionAttributeValues(Map.of(":c", fromS(account.key(contactId)))))
                .toList();
    }

    private Stream<Enrolment> query(Consumer<QueryRequest.Builder> request) {
        List<Map<String, AttributeValue>> hits = dynamo.queryPaginator(b -> request.accept(b.tableName(table)))
                .items().stream().toList();
        return whole(hits).stream().map(item -> EnrolmentItem.fromItem(item, account));
    }

    /**
     * The items of an index's hits, in the index's order. The indexes by contact project keys only, so that a step
     * (which rewrites the item but not its keys) costs them no write: their hits are read from the table. An index made when they projected every attribute gives the items whole. An item deleted since is
     * left out.
     */
    private List<Map<String, AttributeValue>> whole(List<Map<String, AttributeValue>> hits) {
        if (hits.isEmpty() || hits.getFirst().containsKey(EnrolmentItem.SEQUENCE)) {
            return hits;
        }
        var byKey = new HashMap<String, Map<String, AttributeValue>>();
        read(hits.stream().map(hit -> Map.of(EnrolmentItem.PK, hit.get(EnrolmentItem.PK))).toList())
                .forEach(item -> byKey.put(item.get(EnrolmentItem.PK).s(), item));
        return hits.stream().map(hit -> byKey.get(hit.get(EnrolmentItem.PK).s())).filter(Objects::nonNull).toList();
    }

    /** The items of {@code keys} that exist, read consistently, a hundred keys to a request. */
    private List<Map<String, AttributeValue>> read(List<Map<String, AttributeValue>> keys) {
        var items = new ArrayList<Map<String, AttributeValue>>();
        for (int from = 0; from < keys.size(); from += READS_PER_REQUEST) {
            var batch = keys.subList(from, Math.min(keys.size(), from + READS_PER_REQUEST));
            dynamo.batchGetItemPaginator(b -> b.requestItems(
                            Map.of(table, KeysAndAttributes.builder().keys(batch).consistentRead(true).build())))
                    .stream().forEach(page -> items.addAll(page.responses().getOrDefault(table, List.of())));
        }
        return items;
    }

    private AttributeValue lockKey(Enrolment enrolment) {
        return fromS(account.key(LOCK_PREFIX + enrolment.flowId() + "#" + enrolment.contactId()));
    }
}
