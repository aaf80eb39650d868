package dev.flowline.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs a TransactWriteItems and reports which of its conditions failed. A transaction cancelled only because
 * another transaction was touching the same items (TransactionConflict) is tried again: the SDK does not retry
 * cancellations, and giving up would turn a write that should win into a loss for both writers.
 */
final class Transactions {

    private static final int ATTEMPTS = 5;

    private Transactions() {
    }

    /** Writes the items; returns the positions of the items whose condition failed (empty: written). */
    static Set<Integer> write(DynamoDbClient dynamo, List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(items));
                return Set.of();
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                Set<Integer> failed = IntStream.range(0, reasons.size())
                        .filter(i -> "ConditionalCheckFailed".equals(reasons.get(i).code()))
                        .boxed().collect(Collectors.toSet());
                if (!failed.isEmpty()) {
                    return failed;
                }
                if (attempt == ATTEMPTS || !conflicted(reasons)) {
                    throw e;
                }
            }
        }
    }

    private static boolean conflicted(List<CancellationReason> reasons) {
        return reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }
}
