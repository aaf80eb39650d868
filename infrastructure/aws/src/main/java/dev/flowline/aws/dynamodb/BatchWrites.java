package dev.flowline.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** BatchWriteItem in batches of 25, sending again what DynamoDB left unprocessed until nothing is left. */
final class BatchWrites {

    private static final int BATCH_WRITE = 25;

    private BatchWrites() {
    }

    static void write(DynamoDbClient dynamo, String table, List<WriteRequest> requests) {
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
}
