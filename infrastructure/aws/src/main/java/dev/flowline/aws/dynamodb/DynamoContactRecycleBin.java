package dev.flowline.aws.dynamodb;

import dev.flowline.aws.iam.Permissions;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactRecycleBin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromB;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * The account's deleted contacts in the CRM table, under the key space {@code <account>DELETED_CONTACT}: one item a
 * contact ({@code sk} its id), with the contact's stored document ({@link DynamoContactStore}) and the time it was
 * deleted, in epoch milliseconds. The few deleted contacts of an account share a partition, which one query reads.
 */
public final class DynamoContactRecycleBin implements ContactRecycleBin {

    /** The AWS calls it makes: deleted contacts, and the scan of those due to be erased. */
    public static final Permissions PERMISSIONS = Permissions.on("CrmTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem",
            "dynamodb:Query", "dynamodb:Scan");

    private static final String KIND = "DELETED_CONTACT";
    private static final String DOCUMENT = "doc";
    private static final String DELETED_AT = "deletedAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;

    public DynamoContactRecycleBin(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.crm();
        this.account = account;
    }

    @Override
    public void put(Contact contact, Instant deletedAt) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "pk", fromS(account.key(KIND)), "sk", fromS(contact.id()),
                DOCUMENT, fromB(DynamoContactStore.document(contact)),
                DELETED_AT, fromN(String.valueOf(deletedAt.toEpochMilli())))));
    }

    @Override
    public Optional<Deleted> find(String contactId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(contactId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(deletedOf(item));
    }

    @Override
    public void remove(String contactId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(contactId)));
    }

    @Override
    public List<String> deletedBefore(Instant cutoff, int limit) {
        var ids = new ArrayList<String>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(from)
                    .keyConditionExpression("pk = :pk").filterExpression("#at < :cutoff")
                    .projectionExpression("sk").expressionAttributeNames(Map.of("#at", DELETED_AT))
                    .expressionAttributeValues(Map.of(":pk", fromS(account.key(KIND)),
                            ":cutoff", fromN(String.valueOf(cutoff.toEpochMilli())))));
            for (var item : page.items()) {
                if (ids.size() == limit) {
                    return ids;
                }
                ids.add(item.get("sk").s());
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return ids;
    }

    /**
     * The accounts that have contacts deleted before {@code cutoff}, for the purge: a scan of the CRM table that
     * keeps the recycle bins' items (no other kind has their time attribute), so it is run seldom.
     */
    public static Set<Account> accountsWithDeletedBefore(DynamoDbClient dynamo, FlowlineTables tables,
                                                          Instant cutoff) {
        var accounts = new HashSet<Account>();
        dynamo.scanPaginator(b -> b.tableName(tables.crm()).filterExpression("#at < :cutoff")
                        .projectionExpression("pk").expressionAttributeNames(Map.of("#at", DELETED_AT))
                        .expressionAttributeValues(Map.of(":cutoff", fromN(String.valueOf(cutoff.toEpochMilli())))))
                .items().forEach(item -> {
                    String pk = item.get("pk").s();
                    accounts.add(new Account(pk.substring(0, pk.indexOf('#'))));
                });
        return accounts;
    }

    private Map<String, AttributeValue> key(String contactId) {
        return Map.of("pk", fromS(account.key(KIND)), "sk", fromS(contactId));
    }

    private static Deleted deletedOf(Map<String, AttributeValue> item) {
        String contactId = item.get("sk").s();
        return new Deleted(DynamoContactStore.contactOf(contactId, item.get(DOCUMENT).b()),
                Instant.ofEpochMilli(Long.parseLong(item.get(DELETED_AT).n())));
    }
}
