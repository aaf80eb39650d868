package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.history.History;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Enrolment histories in DynamoDB, keyed by contact and a sort key of the entry's time (fixed width, to the
 * nanosecond), this writer's sequence number and this writer's id. Entries one writer makes at the same instant keep
 * their order; the writer id keeps entries of different writers apart. A sparse index on the enrolment id (absent
 * on entries without an enrolment, such as "not enrolled") reads one enrolment's history. Contact and enrolment ids
 * are stored as {@link Account#key account keys}.
 * <p>
 * An entry appended alone is an item of its own. Entries appended together (a run of an enrolment's steps) are
 * one item per contact and enrolment, up to {@value #ENTRIES_PER_ITEM}, keyed by the first: their attributes but
 * the ids are in its {@code entries} list. Each item costs at least a write unit in the table and one in the index,
 * so a run of three steps costs two rather than six. Reads give the entries in time order either way.
 */
public final class DynamoHistory implements History {

    /** The AWS calls it makes. */
    public static final Permissions PERMISSIONS = Permissions.on("HistoryTable", "dynamodb:PutItem", "dynamodb:BatchWriteItem", "dynamodb:Query")
            .and("HistoryTable/index/enrolment", "dynamodb:Query");

    private static final String CONTACT_ID = "contactId";
    private static final String ENROLMENT_ID = "enrolmentId";
    private static final String SK = "sk";
    private static final String ENTRIES = "entries";
    /** Entries in one item: a run's steps, well within an item's 400 KB however long their details. */
    static final int ENTRIES_PER_ITEM = 25;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;
    private volatile String writerId = newWriterId();
    private final AtomicLong sequence = new AtomicLong();

    public DynamoHistory(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.history();
        this.account = account;
    }

    /**
     * Writes as a new writer from now on: every instance restored from one SnapStart snapshot starts with the
     * snapshotted writer id and sequence, which must not make their entries' keys meet.
     */
    public void renewWriterId() {
        writerId = newWriterId();
    }

    private static String newWriterId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void append(HistoryEntry entry) {
        dynamo.putItem(b -> b.tableName(table).item(itemOf(entry)));
    }

    /** The entries as one item per contact and enrolment (and flow), in one request when they are one item. */
    @Override
    public void appendAll(List<HistoryEntry> entries) {
        var groups = new LinkedHashMap<List<String>, List<HistoryEntry>>();
        for (HistoryEntry entry : entries) {
            groups.computeIfAbsent(Arrays.asList(entry.contactId(), entry.enrolmentId(), entry.flowId()),
                    group -> new ArrayList<>()).add(entry);
        }
        var items = new ArrayList<Map<String, AttributeValue>>();
        for (List<HistoryEntry> group : groups.values()) {
            for (int from = 0; from < group.size(); from += ENTRIES_PER_ITEM) {
                items.add(itemOf(group.subList(from, Math.min(group.size(), from + ENTRIES_PER_ITEM))));
            }
        }
        if (items.size() == 1) {
            dynamo.putItem(b -> b.tableName(table).item(items.getFirst()));
            return;
        }
        BatchWrites.write(dynamo, table, items.stream()
                .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build()).toList());
    }

    private Map<String, AttributeValue> itemOf(HistoryEntry entry) {
        return itemOf(List.of(entry));
    }

    /** One item for entries of one contact, enrolment and flow: the first's key, each's attributes. */
    private Map<String, AttributeValue> itemOf(List<HistoryEntry> entries) {
        HistoryEntry first = entries.getFirst();
        var item = new HashMap<String, AttributeValue>();
        item.put(CONTACT_ID, fromS(account.key(first.contactId())));
        item.put(SK, fromS(TIME.format(first.at()) + "#%012d#".formatted(sequence.incrementAndGet()) + writerId));
        if (first.enrolmentId() != null) {
            item.put(ENROLMENT_ID, fromS(account.key(first.enrolmentId())));
        }
        putIfPresent(item, "flowId", first.flowId());
        if (entries.size() == 1) {
            item.putAll(attributesOf(first));
        } else {
            item.put(ENTRIES, AttributeValue.fromL(entries.stream()
                    .map(entry -> AttributeValue.fromM(attributesOf(entry))).toList()));
        }
        return item;
    }

    private static Map<String, AttributeValue> attributesOf(HistoryEntry entry) {
        var attributes = new HashMap<String, AttributeValue>();
        attributes.put("at", fromS(entry.at().toString()));
        attributes.put("kind", fromS(entry.kind().name()));
        putIfPresent(attributes, "actionId", entry.actionId());
        putIfPresent(attributes, "detail", entry.detail());
        return attributes;
    }

    @Override
    public List<HistoryEntry> ofEnrolment(String enrolmentId) {
        return query(b -> b.indexName(FlowlineTables.HISTORY_ENROLMENT_INDEX)
                .keyConditionExpression("#e = :e")
                .expressionAttributeNames(Map.of("#e", ENROLMENT_ID))
                .expressionAttributeValues(Map.of(":e", fromS(account.key(enrolmentId)))));
    }

    @Override
    public List<HistoryEntry> ofContact(String contactId) {
        return query(b -> b.consistentRead(true)
                .keyConditionExpression("#c = :c")
                .expressionAttributeNames(Map.of("#c", CONTACT_ID))
                .expressionAttributeValues(Map.of(":c", fromS(account.key(contactId)))));
    }

    /** The rows of its enrolments are among the contact's: an enrolment's rows are written under its contact. */
    @Override
    public void deleteOfContact(String contactId) {
        List<WriteRequest> rows = dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .projectionExpression("#c, #s")
                        .keyConditionExpression("#c = :c")
                        .expressionAttributeNames(Map.of("#c", CONTACT_ID, "#s", SK))
                        .expressionAttributeValues(Map.of(":c", fromS(account.key(contactId)))))
                .items().stream()
                .map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build())
                .toList();
        BatchWrites.write(dynamo, table, rows);
    }

    /** The entries of the items, in time order: an item of several entries is keyed by the time of its first. */
    private List<HistoryEntry> query(Consumer<QueryRequest.Builder> request) {
        return dynamo.queryPaginator(b -> request.accept(b.tableName(table))).items().stream()
                .flatMap(this::entriesOf).sorted(Comparator.comparing(HistoryEntry::at)).toList();
    }

    private Stream<HistoryEntry> entriesOf(Map<String, AttributeValue> item) {
        String enrolmentId = string(item, ENROLMENT_ID);
        String enrolment = enrolmentId == null ? null : account.strip(enrolmentId);
        String contactId = account.strip(item.get(CONTACT_ID).s());
        String flowId = string(item, "flowId");
        List<Map<String, AttributeValue>> entries = item.containsKey(ENTRIES)
                ? item.get(ENTRIES).l().stream().map(AttributeValue::m).toList() : List.of(item);
        return entries.stream().map(entry -> new HistoryEntry(enrolment, flowId, contactId,
                Instant.parse(entry.get("at").s()), HistoryKind.valueOf(entry.get("kind").s()),
                string(entry, "actionId"), string(entry, "detail")));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, fromS(value));
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
