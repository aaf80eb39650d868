package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.idempotency.IdempotencyLedger;
import dev.flowline.engine.enrolment.StepMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Records of side effects that must not repeat (emails, webhooks), by idempotency key, in the effects table.
 * A claim is a conditional put of an {@code IN_PROGRESS} item; the effect's outcome turns it {@code DONE}.
 * <p>
 * An {@code IN_PROGRESS} claim holds for {@link #LEASE}, well past a function's timeout: a run that crashed while
 * making the effect leaves it, and the step's message, back after SQS's visibility timeout, claims it again. The
 * whole item expires after its time to live (DynamoDB's TTL deletes it later; an expired item that is still there
 * can be claimed again). The default, 14 days, is SQS's longest message retention. Keys are
 * {@link Account#key account keys}.
 */
public final class EffectLedger implements IdempotencyLedger {

    /** The AWS calls it makes. */
    public static final Permissions PERMISSIONS = Permissions.on("EffectsTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem");

    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(14);
    public static final Duration LEASE = Duration.ofMinutes(5);
    private static final String KEY = "idempotencyKey";
    private static final String STATE = "state";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String OUTCOME = "outcome";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String DONE = "DONE";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;
    private final Clock clock;
    private final Duration timeToLive;

    public EffectLedger(DynamoDbClient dynamo, FlowlineTables tables, Account account, Clock clock,
                        Duration timeToLive) {
        this.dynamo = dynamo;
        this.table = tables.effects();
        this.account = account;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    public EffectLedger(DynamoDbClient dynamo, FlowlineTables tables, Account account, Clock clock) {
        this(dynamo, tables, account, clock, DEFAULT_TIME_TO_LIVE);
    }

    @Override
    public Claim claim(String idempotencyKey) {
        long now = clock.instant().getEpochSecond();
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(KEY, key(idempotencyKey), STATE, fromS(IN_PROGRESS),
                            LEASE_UNTIL, fromN(String.valueOf(now + LEASE.toSeconds())),
                            FlowlineTables.EFFECTS_TTL_ATTRIBUTE, fromN(String.valueOf(now + timeToLive.toSeconds()))))
                    .conditionExpression("attribute_not_exists(#k) OR #exp <= :now OR (#state = :inProgress AND #lease <= :now)")
                    .expressionAttributeNames(Map.of("#k", KEY, "#exp", FlowlineTables.EFFECTS_TTL_ATTRIBUTE,
                            "#state", STATE, "#lease", LEASE_UNTIL))
                    .expressionAttributeValues(Map.of(":now", fromN(String.valueOf(now)),
                            ":inProgress", fromS(IN_PROGRESS))));
            return new Claim.Granted();
        } catch (ConditionalCheckFailedException claimed) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of(KEY, key(idempotencyKey)))).item();
            if (item == null || item.isEmpty()) {
                return claim(idempotencyKey); // released in between
            }
            if (!item.containsKey(STATE)) {
                return new Claim.Done(""); // a claim from before outcomes were kept: made, outcome unknown
            }
            return DONE.equals(item.get(STATE).s()) ? new Claim.Done(item.get(OUTCOME).s()) : new Claim.InProgress();
        }
    }

    @Override
    public void complete(String idempotencyKey, String outcome) {
        dynamo.updateItem(b -> b.tableName(table).key(Map.of(KEY, key(idempotencyKey)))
                .updateExpression("SET #state = :done, #outcome = :outcome REMOVE #lease")
                .expressionAttributeNames(Map.of("#state", STATE, "#outcome", OUTCOME, "#lease", LEASE_UNTIL))
                .expressionAttributeValues(Map.of(":done", fromS(DONE), ":outcome", fromS(outcome))));
    }

    /** Gives up a claim whose side effect failed, so that a retry may try it again. */
    @Override
    public void release(String idempotencyKey) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of(KEY, key(idempotencyKey))));
    }

    @Override
    public void forgetSteps(String enrolmentId, long lastSequence) {
        BatchWrites.write(dynamo, table, LongStream.rangeClosed(0, lastSequence)
                .mapToObj(sequence -> WriteRequest.builder().deleteRequest(d -> d.key(Map.of(KEY,
                        fromS(account.key(new StepMessage(enrolmentId, sequence).idempotencyKey()))))).build())
                .toList());
    }

    private AttributeValue key(String idempotencyKey) {
        return fromS(account.key(idempotencyKey));
    }
}
