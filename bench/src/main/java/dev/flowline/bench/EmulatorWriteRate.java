package dev.flowline.bench;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The emulator's own speed, the bound of anything stored in it: conditional puts of enrolment-sized items
 * (new keys, {@code attribute_not_exists}) into a table of their own, from as many threads as the local runtime
 * has handler threads, one item to a request ({@link #measure}) or many to a transaction
 * ({@link #measureTransactions}). DynamoDB Local's cost is mostly per request: an item in a transaction of a
 * hundred costs it a fraction of a lone put.
 */
final class EmulatorWriteRate {

    static final int THREADS = 5;
    /** Items to a transaction: as many as DynamoDB takes, as activation's page of enrolments goes. */
    static final int ITEMS_PER_TRANSACTION = 100;
    private static final String TABLE = "bench-raw-writes";
    private static final String PAYLOAD = "x".repeat(400);

    private EmulatorWriteRate() {
    }

    /** Conditional writes per second over {@code writes} writes, each a PutItem of its own. */
    static double measure(DynamoDbClient dynamo, int writes) {
        return measure(dynamo, writes, 1);
    }

    /** Items written per second over {@code writes} items, in transactions of {@value #ITEMS_PER_TRANSACTION}. */
    static double measureTransactions(DynamoDbClient dynamo, int writes) {
        return measure(dynamo, writes, ITEMS_PER_TRANSACTION);
    }

    private static double measure(DynamoDbClient dynamo, int writes, int perRequest) {
        dynamo.createTable(t -> t.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            long start = System.nanoTime();
            var done = new ArrayList<Future<?>>();
            for (int thread = 0; thread < THREADS; thread++) {
                int first = thread * perRequest;
                done.add(pool.submit(() -> {
                    for (int i = first; i < writes; i += THREADS * perRequest) {
                        write(dynamo, IntStream.range(i, Math.min(writes, i + perRequest))
                                .mapToObj(n -> "item-" + n).toList());
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return writes / ((System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a raw write failed", e.getCause());
        } finally {
            dynamo.deleteTable(t -> t.tableName(TABLE));
        }
    }

    private static void write(DynamoDbClient dynamo, List<String> keys) {
        if (keys.size() == 1) {
            dynamo.putItem(p -> p.tableName(TABLE).conditionExpression("attribute_not_exists(pk)")
                    .item(item(keys.getFirst())));
        } else {
            dynamo.transactWriteItems(t -> t.transactItems(keys.stream().map(key -> TransactWriteItem.builder()
                    .put(Put.builder().tableName(TABLE).conditionExpression("attribute_not_exists(pk)")
                            .item(item(key)).build()).build()).toList()));
        }
    }

    private static Map<String, AttributeValue> item(String key) {
        return Map.of("pk", AttributeValue.fromS(key), "payload", AttributeValue.fromS(PAYLOAD),
                "sequence", AttributeValue.fromN("1"));
    }
}
