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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Enrolment histories in DynamoDB: one item per entry, keyed by contact and a sort key of the entry's time
 * (fixed width, to the nanosecond), this writer's sequence number and this writer's id. Entries one writer makes
 * at the same instant keep their order; the writer id keeps entries of different writers apart. A sparse index on
 * the enrolment id (absent on entries without an enrolment, such as "not enrolled") reads one enrolment's history.
 * Contact and enrolment ids are stored as {@link Account#key account keys}.
 */
public final class DynamoHistory implements History {

    /** The AWS calls it makes. */
    public static final Permissions PERMISSIONS = Permissions.on("HistoryTable", "dynamodb:PutItem", "dynamodb:BatchWriteItem", "dynamodb:Query")
            .and("HistoryTable/index/enrolment", "dynamodb:Query");

    private static final String CONTACT_ID = "contactId";
    private static final String ENROLMENT_ID = "enrolmentId";
    private static final String SK = "sk";
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

    /** One BatchWriteItem for up to 25 entries: a run of steps writes its entries at once. */
    @Override
    public void appendAll(List<HistoryEntry> entries) {
        if (entries.size() == 1) {
            append(entries.getFirst());
            return;
        }
        BatchWrites.write(dynamo, table, entries.stream()
                .map(entry -> WriteRequest.builder().putRequest(p -> p.item(itemOf(entry))).build()).toList());
    }

    private Map<String, AttributeValue> itemOf(HistoryEntry entry) {
        var item = new HashMap<String, AttributeValue>();
        item.put(CONTACT_ID, fromS(account.key(entry.contactId())));
        item.put(SK, fromS(TIME.format(entry.at()) + "#%012d#".formatted(sequence.incrementAndGet()) + writerId));
        if (entry.enrolmentId() != null) {
            item.put(ENROLMENT_ID, fromS(account.key(entry.enrolmentId())));
        }
        putIfPresent(item, "flowId", entry.flowId());
        item.put("at", fromS(entry.at().toString()));
        item.put("kind", fromS(entry.kind().name()));
        putIfPresent(item, "actionId", entry.actionId());
        putIfPresent(item, "detail", entry.detail());
        return item;
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

    private List<HistoryEntry> query(Consumer<QueryRequest.Builder> request) {
        return dynamo.queryPaginator(b -> request.accept(b.tableName(table))).items().stream()
                .map(this::entryOf).toList();
    }

    private HistoryEntry entryOf(Map<String, AttributeValue> item) {
        String enrolmentId = string(item, ENROLMENT_ID);
        return new HistoryEntry(enrolmentId == null ? null : account.strip(enrolmentId), string(item, "flowId"),
                account.strip(item.get(CONTACT_ID).s()),
                Instant.parse(item.get("at").s()), HistoryKind.valueOf(item.get("kind").s()),
                string(item, "actionId"), string(item, "detail"));
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
