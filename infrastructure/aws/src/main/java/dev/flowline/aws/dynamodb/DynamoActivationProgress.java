package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.activation.ActivationProgress;
import dev.flowline.engine.activation.ActivationRun;
import dev.flowline.engine.activation.ActivationStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Activation progress in DynamoDB: one item per flow in the metrics table, {@code flowId#activation}, with the
 * latest activation's {@code startedAt} and its counts. A run counts in one transaction with a marker in the effects
 * table, {@code activation#<run key>}, put only if absent: a redelivered run finds its marker and adds nothing. The
 * counts are added only while {@code startedAt} is still the run's, so a run of an earlier activation adds nothing
 * to a later one. Markers expire as the effect ledger's records do. Keys are {@link Account#key account keys}.
 */
public final class DynamoActivationProgress implements ActivationProgress {

    /** The AWS calls it makes. */
    public static final Permissions PERMISSIONS = Permissions.on("MetricsTable", "dynamodb:GetItem",
            "dynamodb:PutItem", "dynamodb:UpdateItem").and("EffectsTable", "dynamodb:PutItem");

    /** As long as a segment's message can be on the queue: SQS's longest retention. */
    private static final Duration TIME_TO_LIVE = EffectLedger.DEFAULT_TIME_TO_LIVE;

    private static final String PK = "pk";
    private static final String MARKER_KEY = "idempotencyKey";
    private static final String STARTED_AT = "startedAt";
    private static final String SEGMENTS_TOTAL = "segmentsTotal";
    private static final String SEGMENTS_DONE = "segmentsDone";
    private static final String SCANNED = "contactsScanned";
    private static final String ENROLLED = "contactsEnrolled";

    private final DynamoDbClient dynamo;
    private final FlowlineTables tables;
    private final Account account;
    private final Clock clock;

    public DynamoActivationProgress(DynamoDbClient dynamo, FlowlineTables tables, Account account, Clock clock) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public void start(String flowId, Instant startedAt, int segments) {
        dynamo.putItem(b -> b.tableName(tables.metrics()).item(Map.of(PK, key(flowId),
                STARTED_AT, fromS(startedAt.toString()), SEGMENTS_TOTAL, number(segments), SEGMENTS_DONE, number(0),
                SCANNED, number(0), ENROLLED, number(0))));
    }

    @Override
    public boolean count(ActivationRun run) {
        long expiresAt = clock.instant().plus(TIME_TO_LIVE).getEpochSecond();
        Put marker = Put.builder().tableName(tables.effects())
                .item(Map.of(MARKER_KEY, fromS(account.key("activation#" + run.key())),
                        FlowlineTables.EFFECTS_TTL_ATTRIBUTE, number(expiresAt)))
                .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", MARKER_KEY))
                .build();
        Update counts = Update.builder().tableName(tables.metrics()).key(Map.of(PK, key(run.flowId())))
                .updateExpression("ADD #done :done, #scanned :scanned, #enrolled :enrolled")
                .conditionExpression("#startedAt = :startedAt")
                .expressionAttributeNames(Map.of("#done", SEGMENTS_DONE, "#scanned", SCANNED, "#enrolled", ENROLLED,
                        "#startedAt", STARTED_AT))
                .expressionAttributeValues(Map.of(":done", number(run.segmentDone() ? 1 : 0),
                        ":scanned", number(run.scanned()), ":enrolled", number(run.enrolled()),
                        ":startedAt", fromS(String.valueOf(run.startedAt()))))
                .build();
        return Transactions.write(dynamo, List.of(TransactWriteItem.builder().put(marker).build(),
                TransactWriteItem.builder().update(counts).build())).isEmpty();
    }

    @Override
    public Optional<ActivationStatus> of(String flowId) {
        var item = dynamo.getItem(b -> b.tableName(tables.metrics()).consistentRead(true)
                .key(Map.of(PK, key(flowId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ActivationStatus(flowId, Instant.parse(item.get(STARTED_AT).s()),
                (int) count(item, SEGMENTS_TOTAL), count(item, SEGMENTS_DONE), count(item, SCANNED),
                count(item, ENROLLED)));
    }

    private static long count(Map<String, AttributeValue> item, String attribute) {
        return Long.parseLong(item.get(attribute).n());
    }

    private static AttributeValue number(long value) {
        return fromN(String.valueOf(value));
    }

    private AttributeValue key(String flowId) {
        return fromS(account.key(flowId) + "#activation");
    }
}
