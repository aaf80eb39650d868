package dev.flowline.bench;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The write units AWS bills for global secondary indexes, which DynamoDB Local leaves out of the consumed capacity
 * it reports. From each table's index definitions: a write that puts an item into an index, takes it out, or
 * changes what the index projects of it costs the index entry's size in write units (1 KB each, at least 1); a key
 * that changes costs a delete and a put; a write that changes nothing the index projects costs nothing.
 */
final class IndexWrites {

    /** An index: its name, key attributes, and the attributes it projects beyond the keys (null: all of them). */
    private record Index(String name, List<String> keys, Set<String> included) {
    }

    /** A table: its own key attributes and its global secondary indexes. */
    record Table(List<String> keys, List<Index> indexes) {
    }

    private final Map<String, Table> tables;

    private IndexWrites(Map<String, Table> tables) {
        this.tables = tables;
    }

    /** The indexes of every table there is. */
    static IndexWrites of(DynamoDbClient dynamo) {
        var tables = new HashMap<String, Table>();
        for (String name : dynamo.listTablesPaginator(b -> { }).tableNames()) {
            TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();
            if (table.hasGlobalSecondaryIndexes()) {
                tables.put(name, new Table(keys(table.keySchema()),
                        table.globalSecondaryIndexes().stream().map(IndexWrites::index).toList()));
            }
        }
        return new IndexWrites(Map.copyOf(tables));
    }

    private static Index index(GlobalSecondaryIndexDescription index) {
        ProjectionType type = index.projection().projectionType();
        return new Index(index.indexName(), keys(index.keySchema()), switch (type) {
            case ALL -> null;
            case INCLUDE -> Set.copyOf(index.projection().nonKeyAttributes());
            default -> Set.of();
        });
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().sorted((a, b) -> a.keyType() == KeyType.HASH ? -1 : b.keyType() == KeyType.HASH ? 1 : 0)
                .map(KeySchemaElement::attributeName).toList();
    }

    /** The table's key attributes, if it has indexes. */
    Table table(String name) {
        return tables.get(name);
    }

    /**
     * Adds to {@code units}, under "table/index", the index write units of a write that turned {@code before} into
     * {@code after} (either null: no item).
     */
    void units(String tableName, Map<String, AttributeValue> before, Map<String, AttributeValue> after,
               Map<String, Double> units) {
        Table table = tables.get(tableName);
        if (table == null) {
            return;
        }
        for (Index index : table.indexes()) {
            Map<String, AttributeValue> was = entry(table, index, before);
            Map<String, AttributeValue> is = entry(table, index, after);
            if (was == null && is == null || Objects.equals(was, is)) {
                continue;
            }
            boolean moved = was != null && is != null
                    && !index.keys().stream().allMatch(key -> was.get(key).equals(is.get(key)));
            units.merge(tableName + "/" + index.name(), moved ? size(was) + size(is) : size(is != null ? is : was),
                    Double::sum);
        }
    }

    /** What the index holds of the item; null when the item is not in it (a sparse index's key is missing). */
    private static Map<String, AttributeValue> entry(Table table, Index index, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty() || !index.keys().stream().allMatch(item::containsKey)) {
            return null;
        }
        if (index.included() == null) {
            return item;
        }
        return item.entrySet().stream().filter(e -> table.keys().contains(e.getKey())
                        || index.keys().contains(e.getKey()) || index.included().contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Write units of an index entry: 1 per KB, rounded up. */
    private static double size(Map<String, AttributeValue> entry) {
        long bytes = entry.entrySet().stream()
                .mapToLong(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length + bytes(e.getValue())).sum();
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    private static long bytes(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s().getBytes(StandardCharsets.UTF_8).length;
            case N -> value.n().length() / 2 + 1;
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case M -> 3 + value.m().entrySet().stream()
                    .mapToLong(e -> 1 + e.getKey().length() + bytes(e.getValue())).sum();
            case L -> 3 + value.l().stream().mapToLong(v -> 1 + bytes(v)).sum();
            case SS -> value.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
            case NS -> value.ns().stream().mapToLong(n -> n.length() / 2 + 1).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }
}
