package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.enrolment.StepMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Records of side effects that must not repeat (emails, webhooks), by idempotency key. A sender claims the key
 * before sending: only the first claim succeeds, so a redelivered step finds the claim and does not send again.
 * A claim expires after its time to live (DynamoDB's TTL deletes it later; an expired claim that is still there
 * can be claimed again). The default, 14 days, is SQS's longest message retention. Keys are
 * {@link Account#key account keys}.
 */
public final class EffectLedger {

    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(14);
    private static final String KEY = "idempotencyKey";

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

    /** True for the first claim of {@code idempotencyKey}; false if it is already claimed. */
    public boolean claim(String idempotencyKey) {
        long now = clock.instant().getEpochSecond();
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(KEY, fromS(account.key(idempotencyKey)),
                            FlowlineTables.EFFECTS_TTL_ATTRIBUTE, fromN(String.valueOf(now + timeToLive.toSeconds()))))
                    .conditionExpression("attribute_not_exists(#k) OR #exp <= :now")
                    .expressionAttributeNames(Map.of("#k", KEY, "#exp", FlowlineTables.EFFECTS_TTL_ATTRIBUTE))
                    .expressionAttributeValues(Map.of(":now", fromN(String.valueOf(now)))));
            return true;
        } catch (ConditionalCheckFailedException claimed) {
            return false;
        }
    }

    /** Forgets the claims of every step of an enrolment, sequences 0 to {@code lastSequence} (a privacy deletion). */
    public void forgetSteps(String enrolmentId, long lastSequence) {
        BatchWrites.write(dynamo, table, LongStream.rangeClosed(0, lastSequence)
                .mapToObj(sequence -> WriteRequest.builder().deleteRequest(d -> d.key(Map.of(KEY,
                        fromS(account.key(new StepMessage(enrolmentId, sequence).idempotencyKey()))))).build())
                .toList());
    }

    /** Gives up a claim whose side effect failed, so that a retry may try it again. */
    public void release(String idempotencyKey) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of(KEY, fromS(account.key(idempotencyKey)))));
    }
}
