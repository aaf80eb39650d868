package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.Page;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.list.ContactList;
import dev.flowline.engine.list.ListStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Contact lists in DynamoDB: a {@code LIST} item with the definition, and a {@code MEMBER#contactId} item per
 * member of a MANUAL or SNAPSHOT list, so members page in contact-id order. Filters read a static list's
 * membership from the contact itself (its static list ids); the member items serve the memberships listing.
 * A DYNAMIC list has no member items: its members are the contacts that pass its filter branch. List ids are stored
 * as {@link Account#key account keys}.
 */
public final class DynamoListStore implements ListStore {

    /** The AWS calls it makes. */
    public static final Permissions PERMISSIONS = Permissions.on("ListsTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query",
            "dynamodb:Scan", "dynamodb:BatchWriteItem");

    private static final String LIST_ID = "listId";
    private static final String SK = "sk";
    private static final String DEFINITION = "LIST";
    private static final String MEMBER = "MEMBER#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;

    public DynamoListStore(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.lists();
        this.account = account;
    }

    @Override
    public Optional<ContactList> list(String listId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(listId, DEFINITION))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        FilterBranch branch = item.containsKey("filterBranch")
                ? FlowlineJson.read(item.get("filterBranch").s(), FilterBranch.class) : null;
        return Optional.of(new ContactList(listId, item.get("name").s(), item.get("processingType").s(), branch,
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s())));
    }

    @Override
    public boolean create(ContactList list) {
        var item = new HashMap<>(key(list.listId(), DEFINITION));
        item.put("name", fromS(list.name()));
        item.put("processingType", fromS(list.processingType()));
        item.put("createdAt", fromS(list.createdAt().toString()));
        item.put("updatedAt", fromS(list.updatedAt().toString()));
        if (list.filterBranch() != null) {
            item.put("filterBranch", fromS(FlowlineJson.write(list.filterBranch())));
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(listId)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public void delete(String listId) {
        String after = null;
        do {
            Page<String> page = members(listId, after, 100);
            write(page.items().stream().map(id -> deleteRequest(listId, MEMBER + id)).toList());
            after = page.next().orElse(null);
        } while (after != null);
        dynamo.deleteItem(b -> b.tableName(table).key(key(listId, DEFINITION)));
    }

    @Override
    public void addMembers(String listId, Collection<String> contactIds) {
        write(contactIds.stream().distinct().map(id -> WriteRequest.builder()
                .putRequest(p -> p.item(key(listId, MEMBER + id))).build()).toList());
    }

    @Override
    public void removeMembers(String listId, Collection<String> contactIds) {
        write(contactIds.stream().distinct().map(id -> deleteRequest(listId, MEMBER + id)).toList());
    }

    /** There is no index by member: this scans the table, so its cost grows with the number of lists and members. */
    @Override
    public void removeFromAllLists(String contactId) {
        write(dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)
                        .projectionExpression("#l, #s")
                        .filterExpression("begins_with(#l, :account) AND #s = :member")
                        .expressionAttributeNames(Map.of("#l", LIST_ID, "#s", SK))
                        .expressionAttributeValues(Map.of(":account", fromS(account.prefix()),
                                ":member", fromS(MEMBER + contactId))))
                .items().stream()
                .map(item -> WriteRequest.builder().deleteRequest(d -> d.key(item)).build())
                .toList());
    }

    @Override
    public Page<String> members(String listId, String after, int limit) {
        var request = QueryRequest.builder().tableName(table)
                .consistentRead(true).limit(limit)
                .keyConditionExpression("listId = :l AND begins_with(sk, :m)")
                .expressionAttributeValues(Map.of(":l", fromS(account.key(listId)), ":m", fromS(MEMBER)));
        if (after != null) {
            request.exclusiveStartKey(key(listId, MEMBER + after));
        }
        var response = dynamo.query(request.build());
        List<String> ids = response.items().stream().map(item -> item.get(SK).s().substring(MEMBER.length()))
                .toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new Page<>(ids, more && !ids.isEmpty() ? Optional.of(ids.getLast()) : Optional.empty());
    }

    private WriteRequest deleteRequest(String listId, String sk) {
        return WriteRequest.builder().deleteRequest(d -> d.key(key(listId, sk))).build();
    }

    private void write(List<WriteRequest> requests) {
        BatchWrites.write(dynamo, table, requests);
    }

    private Map<String, AttributeValue> key(String listId, String sk) {
        return Map.of(LIST_ID, fromS(account.key(listId)), SK, fromS(sk));
    }
}
