package dev.flowline.aws.dynamodb;

import dev.flowline.aws.iam.Permissions;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.Page;
import dev.flowline.engine.crm.Association;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.ObjectRef;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * CRM records and associations in the {@code crm} table. A record is the item {@code <account>#OBJ#<objectTypeId>}
 * / {@code <id>} with its {@code properties} (a map), {@code createdAt}, {@code updatedAt} and {@code archived}, so
 * the records of a type page in id order. Each direction of an association is the item
 * {@code <account>#ASSOC#<fromTypeId>#<fromId>} / {@code <toTypeId>#<toId>} with its {@code typeIds} (a number set),
 * so "the records of type T associated with X" is one query. A create or an association is one transaction: the
 * record's put (on condition that it is new), every association item, and a check that each other record it names
 * is there and not archived.
 */
public final class DynamoCrmObjectStore implements CrmObjectStore {

    /** The AWS calls it makes: CRM records and their associations, written in transactions that check the records they name. */
    public static final Permissions PERMISSIONS = Permissions.on("CrmTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:ConditionCheckItem", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem");

    private static final String PK = "pk";
    private static final String SK = "sk";
    private static final String PROPERTIES = "properties";
    private static final String TYPE_IDS = "typeIds";
    private static final String LIVE = "attribute_exists(pk) AND archived = :false";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;

    public DynamoCrmObjectStore(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.crm();
        this.account = account;
    }

    @Override
    public Created create(CrmObject object, List<Association> associations) {
        var items = new ArrayList<TransactWriteItem>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(object))
                .conditionExpression("attribute_not_exists(pk)")).build());
        items.addAll(associationWrites(associations, object.ref()));
        Set<Integer> failed = Transactions.write(dynamo, items);
        return failed.isEmpty() ? Created.CREATED : failed.contains(0) ? Created.EXISTS : Created.TARGET_MISSING;
    }

    @Override
    public Optional<CrmObject> find(CrmObjectType type, String id) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(objectKey(type, id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(object(type, item));
    }

    @Override
    public List<CrmObject> findAll(CrmObjectType type, Collection<String> ids) {
        var objects = new ArrayList<CrmObject>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += 100) {
            var keys = distinct.subList(from, Math.min(distinct.size(), from + 100)).stream()
                    .map(id -> objectKey(type, id)).toList();
            dynamo.batchGetItemPaginator(b -> b.requestItems(
                            Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build())))
                    .stream().flatMap(page -> page.responses().getOrDefault(table, List.of()).stream())
                    .forEach(item -> objects.add(object(type, item)));
        }
        return objects;
    }

    @Override
    public Optional<CrmObject> update(CrmObjectType type, String id, Map<String, String> properties, Instant at) {
        var names = new HashMap<String, String>(Map.of("#p", PROPERTIES));
        var values = new HashMap<String, AttributeValue>(Map.of(":false", fromBool(false), ":at",
                fromS(at.toString())));
        var sets = new ArrayList<String>(List.of("updatedAt = :at"));
        int i = 0;
        for (var property : properties.entrySet()) {
            names.put("#n" + i, property.getKey());
            values.put(":v" + i, fromS(property.getValue()));
            sets.add("#p.#n" + i + " = :v" + i);
            i++;
        }
        try {
            var item = dynamo.updateItem(b -> b.tableName(table).key(objectKey(type, id))
                    .updateExpression("SET " + String.join(", ", sets)).conditionExpression(LIVE)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(object(type, item));
        } catch (ConditionalCheckFailedException gone) {
            return Optional.empty();
        }
    }

    /** The associations go first: a retry after a failure between the two writes finds the record live still. */
    @Override
    public boolean archive(CrmObjectType type, String id, Instant at) {
        if (find(type, id).filter(object -> !object.archived()).isEmpty()) {
            return false;
        }
        removeAllAssociations(new ObjectRef(type, id));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(objectKey(type, id))
                    .updateExpression("SET archived = :true, updatedAt = :at").conditionExpression(LIVE)
                    .expressionAttributeValues(Map.of(":true", fromBool(true), ":false", fromBool(false),
                            ":at", fromS(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException archivedMeanwhile) {
            return false;
        }
    }

    /** Archived records are filtered out after the read, so a page is read on until it is full or the type ends. */
    @Override
    public Page<CrmObject> page(CrmObjectType type, String after, int limit) {
        var objects = new ArrayList<CrmObject>();
        Map<String, AttributeValue> start = after == null ? null : objectKey(type, after);
        boolean more;
        do {
            var request = QueryRequest.builder().tableName(table).consistentRead(true).limit(limit - objects.size())
                    .keyConditionExpression("pk = :pk").filterExpression("archived = :false")
                    .expressionAttributeValues(Map.of(":pk", fromS(objectPk(type)), ":false", fromBool(false)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.build());
            response.items().forEach(item -> objects.add(object(type, item)));
            more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            start = more ? response.lastEvaluatedKey() : null;
        } while (more && objects.size() < limit);
        return new Page<>(objects, more && !objects.isEmpty() ? Optional.of(objects.getLast().id()) : Optional.empty());
    }

    @Override
    public boolean associate(List<Association> associations) {
        return Transactions.write(dynamo, associationWrites(associations, null)).isEmpty();
    }

    @Override
    public Page<Association> associations(ObjectRef from, CrmObjectType toType, String after, int limit) {
        var request = QueryRequest.builder().tableName(table).consistentRead(true).limit(limit)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :type)")
                .expressionAttributeValues(Map.of(":pk", fromS(associationPk(from)), ":type",
                        fromS(toType.id() + "#")));
        if (after != null) {
            request.exclusiveStartKey(associationKey(from, new ObjectRef(toType, after)));
        }
        QueryResponse response = dynamo.query(request.build());
        List<Association> associations = response.items().stream().map(item -> association(from, item)).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new Page<>(associations, more && !associations.isEmpty()
                ? Optional.of(associations.getLast().to().id()) : Optional.empty());
    }

    @Override
    public void removeAssociation(ObjectRef from, ObjectRef to) {
        BatchWrites.write(dynamo, table, List.of(delete(associationKey(from, to)), delete(associationKey(to, from))));
    }

    @Override
    public void removeAllAssociations(ObjectRef of) {
        var deletes = new ArrayList<WriteRequest>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", fromS(associationPk(of)))))
                .items().forEach(item -> {
                    ObjectRef other = association(of, item).to();
                    deletes.add(delete(associationKey(of, other)));
                    deletes.add(delete(associationKey(other, of)));
                });
        BatchWrites.write(dynamo, table, deletes);
    }

    /**
     * An update per pair (type ids added to those it has) and a check per other record named: a transaction may
     * touch an item once, so the writes of one pair are merged first.
     */
    private List<TransactWriteItem> associationWrites(List<Association> associations, ObjectRef creating) {
        Map<List<ObjectRef>, Set<Integer>> pairs = new LinkedHashMap<>();
        Set<ObjectRef> checked = new LinkedHashSet<>();
        for (Association association : associations) {
            pairs.computeIfAbsent(List.of(association.from(), association.to()), pair -> new TreeSet<>())
                    .addAll(association.typeIds());
            for (ObjectRef ref : List.of(association.from(), association.to())) {
                if (!ref.isContact() && !ref.equals(creating)) {
                    checked.add(ref);
                }
            }
        }
        var items = new ArrayList<TransactWriteItem>();
        pairs.forEach((pair, typeIds) -> items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(associationKey(pair.get(0), pair.get(1))).updateExpression("ADD typeIds :ids")
                .expressionAttributeValues(Map.of(":ids", AttributeValue.fromNs(typeIds.stream()
                        .map(String::valueOf).toList())))).build()));
        checked.forEach(ref -> items.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(objectKey(ref.type(), ref.id())).conditionExpression(LIVE)
                .expressionAttributeValues(Map.of(":false", fromBool(false)))).build()));
        return items;
    }

    private Map<String, AttributeValue> item(CrmObject object) {
        var item = new HashMap<>(objectKey(object.type(), object.id()));
        var properties = new HashMap<String, AttributeValue>();
        object.properties().forEach((name, value) -> properties.put(name, fromS(value)));
        item.put(PROPERTIES, fromM(properties));
        item.put("createdAt", fromS(object.createdAt().toString()));
        item.put("updatedAt", fromS(object.updatedAt().toString()));
        item.put("archived", fromBool(object.archived()));
        return item;
    }

    private static CrmObject object(CrmObjectType type, Map<String, AttributeValue> item) {
        var properties = new HashMap<String, String>();
        item.get(PROPERTIES).m().forEach((name, value) -> properties.put(name, value.s()));
        return new CrmObject(type, item.get(SK).s(), properties, Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()), item.get("archived").bool());
    }

    private static Association association(ObjectRef from, Map<String, AttributeValue> item) {
        String sk = item.get(SK).s();
        int separator = sk.indexOf('#');
        CrmObjectType toType = CrmObjectType.named(sk.substring(0, separator)).orElseThrow();
        return new Association(from, new ObjectRef(toType, sk.substring(separator + 1)),
                new TreeSet<>(item.get(TYPE_IDS).ns().stream().map(Integer::valueOf).toList()));
    }

    private String objectPk(CrmObjectType type) {
        return account.key("OBJ#" + type.id());
    }

    private Map<String, AttributeValue> objectKey(CrmObjectType type, String id) {
        return Map.of(PK, fromS(objectPk(type)), SK, fromS(id));
    }

    private String associationPk(ObjectRef from) {
        return account.key("ASSOC#" + from.type().id() + "#" + from.id());
    }

    private Map<String, AttributeValue> associationKey(ObjectRef from, ObjectRef to) {
        return Map.of(PK, fromS(associationPk(from)), SK, fromS(to.type().id() + "#" + to.id()));
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(d -> d.key(key)).build();
    }
}
