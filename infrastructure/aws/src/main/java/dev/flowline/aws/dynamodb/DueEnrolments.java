package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.StepMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * The enrolments whose next step is due in a minute, of every account: wake-ups are per minute, not per account,
 * so the due index is shared and each item names its account. A minute is spread over {@link #SHARDS} index keys,
 * which can be read at once, each a page at a time.
 */
public final class DueEnrolments {

    /** The AWS calls it makes. */
    public static final Permissions PERMISSIONS = Permissions.on("EnrolmentsTable/index/due", "dynamodb:Query");
    /** The index keys of one minute. */
    public static final int SHARDS = EnrolmentItem.DUE_SHARDS;

    /** The next step of an enrolment due now, when it is due, and the account it belongs to. */
    public record Due(Account account, StepMessage step, Instant dueAt) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Integer pageSize;

    public DueEnrolments(DynamoDbClient dynamo, FlowlineTables tables) {
        this(dynamo, tables, null);
    }

    /** @param pageSize the most enrolments a page holds, or null for DynamoDB's own bound (1 MB) */
    public DueEnrolments(DynamoDbClient dynamo, FlowlineTables tables, Integer pageSize) {
        this.dynamo = dynamo;
        this.table = tables.enrolments();
        this.pageSize = pageSize;
    }

    /** The active enrolments whose next step is due within {@code minute}'s minute (UTC), read lazily. */
    public Stream<Due> in(Instant minute) {
        return IntStream.range(0, SHARDS).boxed().flatMap(shard -> pages(minute, shard).flatMap(List::stream));
    }

    /**
     * The same, in one shard of the minute, a page per query: each page is read when the stream reaches it, so
     * a reader can stop between pages.
     */
    public Stream<List<Due>> pages(Instant minute, int shard) {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName(FlowlineTables.ENROLMENTS_DUE_INDEX)
                        .keyConditionExpression("#d = :d")
                        // only what a step message needs: a fraction of the item to read and parse
                        .projectionExpression("#pk, #a, #s, #at")
                        .expressionAttributeNames(Map.of("#d", EnrolmentItem.DUE_MINUTE, "#pk", EnrolmentItem.PK,
                                "#a", EnrolmentItem.ACCOUNT, "#s", EnrolmentItem.SEQUENCE, "#at", EnrolmentItem.DUE_AT))
                        .expressionAttributeValues(Map.of(":d", fromS(EnrolmentItem.dueKey(minute, shard))))
                        .limit(pageSize))
                .stream()
                .map(page -> page.items().stream().map(DueEnrolments::due).toList());
    }

    private static Due due(Map<String, AttributeValue> item) {
        Account account = EnrolmentItem.accountOf(item);
        return new Due(account, new StepMessage(account.strip(item.get(EnrolmentItem.PK).s()),
                Long.parseLong(item.get(EnrolmentItem.SEQUENCE).n())), Instant.parse(item.get(EnrolmentItem.DUE_AT).s()));
    }

    /**
     * Stores {@code enrolments} of {@code account} as they are, 25 to a request, without the checks and locks of
     * the enrolment store: for filling the index in benchmarks.
     */
    public void write(Account account, Collection<Enrolment> enrolments) {
        BatchWrites.write(dynamo, table, enrolments.stream().map(enrolment -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(EnrolmentItem.toItem(enrolment, account)).build()).build()).toList());
    }
}
