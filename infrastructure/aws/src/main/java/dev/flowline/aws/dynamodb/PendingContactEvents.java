package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.contact.ContactEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * The contacts with pending events, of every account: what the sweep publishes (see
 * {@link dev.flowline.engine.enrolment.ContactEventOutbox}). They are the items of the contacts table's sparse
 * {@code pending} index, spread over {@value DynamoContactStore#PENDING_SHARDS} shards; each names its account in
 * its key.
 */
public final class PendingContactEvents {

    /** The AWS calls it makes: the sweep: the pending index, then each contact's pending events read and cleared. */
    public static final Permissions PERMISSIONS = Permissions.on("ContactsTable", "dynamodb:GetItem", "dynamodb:UpdateItem")
            .and("ContactsTable/index/pending", "dynamodb:Query");

    /** A contact's pending events, and the account it belongs to. */
    public record Pending(Account account, String contactId, List<ContactEvent> events) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public PendingContactEvents(DynamoDbClient dynamo, FlowlineTables tables) {
        this.dynamo = dynamo;
        this.table = tables.contacts();
    }

    /**
     * The contacts whose latest write with events was before {@code cutoff}, each with its events pending since
     * before then, read lazily. An item left in the index without events (a publish cleared them while another
     * write's were added) is taken out of it.
     */
    public Stream<Pending> savedBefore(Instant cutoff) {
        String before = DynamoContactStore.PENDING_SINCE_FORMAT.format(cutoff);
        return shards().flatMap(shard -> dynamo.queryPaginator(b -> b.tableName(table)
                        .indexName(FlowlineTables.CONTACTS_PENDING_INDEX)
                        .keyConditionExpression("#s = :s AND #t < :t")
                        .expressionAttributeNames(Map.of("#s", DynamoContactStore.PENDING_SHARD,
                                "#t", DynamoContactStore.PENDING_SINCE))
                        .expressionAttributeValues(Map.of(":s", fromS(shard), ":t", fromS(before))))
                .items().stream())
                .map(key -> pending(key.get("contactId").s(), cutoff))
                .filter(Objects::nonNull);
    }

    /** Whether any contact has events pending, however recent. */
    public boolean any() {
        return shards().anyMatch(shard -> !dynamo.query(b -> b.tableName(table)
                .indexName(FlowlineTables.CONTACTS_PENDING_INDEX).limit(1)
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", DynamoContactStore.PENDING_SHARD))
                .expressionAttributeValues(Map.of(":s", fromS(shard)))).items().isEmpty());
    }

    private static Stream<String> shards() {
        return IntStream.range(0, DynamoContactStore.PENDING_SHARDS).mapToObj(String::valueOf);
    }

    /**
     * The item's events pending since before {@code cutoff}, read from the item (the index is eventually consistent);
     * null when there are none.
     */
    private Pending pending(String storedKey, Instant cutoff) {
        Map<String, AttributeValue> key = Map.of("contactId", fromS(storedKey));
        List<ContactEvent> events = DynamoContactStore.eventsOf(dynamo.getItem(b -> b.tableName(table).key(key)
                .consistentRead(true).projectionExpression("#p")
                .expressionAttributeNames(Map.of("#p", DynamoContactStore.PENDING))).item());
        if (events.isEmpty()) {
            leaveIndex(key);
        }
        List<ContactEvent> due = events.stream().filter(event -> event.savedAt().isBefore(cutoff)).toList();
        if (due.isEmpty()) {
            return null;
        }
        Account account = new Account(storedKey.substring(0, storedKey.indexOf('#')));
        return new Pending(account, account.strip(storedKey), due);
    }

    private void leaveIndex(Map<String, AttributeValue> key) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("REMOVE #ps, #pt")
                    .conditionExpression("attribute_exists(#id) AND attribute_not_exists(#p)")
                    .expressionAttributeNames(Map.of("#ps", DynamoContactStore.PENDING_SHARD,
                            "#pt", DynamoContactStore.PENDING_SINCE, "#id", "contactId",
                            "#p", DynamoContactStore.PENDING)));
        } catch (ConditionalCheckFailedException e) {
            // deleted meanwhile, or events were saved again: the index is right as it is
        }
    }
}
