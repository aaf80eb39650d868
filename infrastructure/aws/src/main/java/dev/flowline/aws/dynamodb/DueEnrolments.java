package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.enrolment.Enrolment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * The enrolments whose next step is due in a minute, of every account: wake-ups are per minute, not per account,
 * so the due index is shared and each item names its account.
 */
public final class DueEnrolments {

    /** The AWS calls it makes. */
    public static final Permissions PERMISSIONS = Permissions.on("EnrolmentsTable/index/due", "dynamodb:Query");

    /** An enrolment due now, and the account it belongs to. */
    public record Due(Account account, Enrolment enrolment) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public DueEnrolments(DynamoDbClient dynamo, FlowlineTables tables) {
        this.dynamo = dynamo;
        this.table = tables.enrolments();
    }

    /** The active enrolments whose next step is due within {@code minute}'s minute (UTC), read lazily. */
    public Stream<Due> in(Instant minute) {
        return IntStream.range(0, EnrolmentItem.DUE_SHARDS).boxed().flatMap(shard ->
                dynamo.queryPaginator(b -> b.tableName(table).indexName(FlowlineTables.ENROLMENTS_DUE_INDEX)
                                .keyConditionExpression("#d = :d")
                                .expressionAttributeNames(Map.of("#d", EnrolmentItem.DUE_MINUTE))
                                .expressionAttributeValues(Map.of(":d", fromS(EnrolmentItem.dueKey(minute, shard)))))
                        .items().stream()
                        .map(item -> {
                            Account account = EnrolmentItem.accountOf(item);
                            return new Due(account, EnrolmentItem.fromItem(item, account));
                        }));
    }
}
