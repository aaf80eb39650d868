package dev.flowline.aws.dynamodb;

import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.criteria.ListDirectory;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.ArrayList;
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
 * A DYNAMIC list has no member items: its members are the contacts that pass its filter branch.
 */
public final class DynamoListStore implements ListDirectory {

    private static final String LIST_ID = "listId";
    private static final String SK = "sk";
    private static final String DEFINITION = "LIST";
    private static final String MEMBER = "MEMBER#";
    private static final int BATCH_WRITE = 25;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoListStore(DynamoDbClient dynamo, FlowlineTables tables) {
        this.dynamo = dynamo;
        this.table = tables.lists();
    }

    @Override
    public Optional<ListDefinition> find(String listId) {
        return list(listId).map(ContactList::definition);
    }

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

    /** Saves a new list; returns false when a list with its id exists already. */
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

    /** Removes the list and its member items. */
    public void delete(String listId) {
        String after = null;
        do {
            Page<String> page = members(listId, after, 100);
            write(page.items().stream().map(id -> deleteRequest(listId, MEMBER + id)).toList());
            after = page.next().orElse(null);
        } while (after != null);
        dynamo.deleteItem(b -> b.tableName(table).key(key(listId, DEFINITION)));
    }

    public void addMembers(String listId, Collection<String> contactIds) {
        write(contactIds.stream().distinct().map(id -> WriteRequest.builder()
                .putRequest(p -> p.item(key(listId, MEMBER + id))).build()).toList());
    }

    public void removeMembers(String listId, Collection<String> contactIds) {
        write(contactIds.stream().distinct().map(id -> deleteRequest(listId, MEMBER + id)).toList());
    }

    /** The member ids of a MANUAL or SNAPSHOT list in id order, from after {@code after}. */
    public Page<String> members(String listId, String after, int limit) {
        var request = QueryRequest.builder().tableName(table)
                .consistentRead(true).limit(limit)
                .keyConditionExpression("listId = :l AND begins_with(sk, :m)")
                .expressionAttributeValues(Map.of(":l", fromS(listId), ":m", fromS(MEMBER)));
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
        for (int from = 0; from < requests.size(); from += BATCH_WRITE) {
            List<WriteRequest> pending = new ArrayList<>(requests.subList(from,
                    Math.min(from + BATCH_WRITE, requests.size())));
            while (!pending.isEmpty()) {
                var unprocessed = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.copyOf(pending))))
                        .unprocessedItems().getOrDefault(table, List.of());
                pending.clear();
                pending.addAll(unprocessed);
            }
        }
    }

    private static Map<String, AttributeValue> key(String listId, String sk) {
        return Map.of(LIST_ID, fromS(listId), SK, fromS(sk));
    }
}
