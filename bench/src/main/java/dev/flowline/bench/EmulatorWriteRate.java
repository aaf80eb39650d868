package dev.flowline.bench;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The emulator's own speed, the bound of anything stored in it: conditional puts of enrolment-sized items
 * (new keys, {@code attribute_not_exists}) into a table of their own, from as many threads as the local runtime
 * has handler threads.
 */
final class EmulatorWriteRate {

    static final int THREADS = 5;
    private static final String TABLE = "bench-raw-writes";
    private static final String PAYLOAD = "x".repeat(400);

    private EmulatorWriteRate() {
    }

    /** Conditional writes per second over {@code writes} writes. */
    static double measure(DynamoDbClient dynamo, int writes) {
        dynamo.createTable(t -> t.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            long start = System.nanoTime();
            var done = new ArrayList<Future<?>>();
            for (int thread = 0; thread < THREADS; thread++) {
                int first = thread;
                done.add(pool.submit(() -> {
                    for (int i = first; i < writes; i += THREADS) {
                        put(dynamo, "item-" + i);
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

    private static void put(DynamoDbClient dynamo, String key) {
        dynamo.putItem(p -> p.tableName(TABLE).conditionExpression("attribute_not_exists(pk)").item(Map.of(
                "pk", AttributeValue.fromS(key), "payload", AttributeValue.fromS(PAYLOAD),
                "sequence", AttributeValue.fromN("1"))));
    }
}
