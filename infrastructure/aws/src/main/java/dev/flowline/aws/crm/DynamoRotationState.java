package dev.flowline.aws.crm;

import dev.flowline.aws.iam.Permissions;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.engine.action.RotationState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Round-robin counters of "rotate to owner" actions in the {@code crm} table, shared by every function instance.
 * Under {@code <account>#ROTATION#<rotation id>}: a {@code STATE} item with the owners of the last turn and the
 * turns taken since they last changed, and a {@code TURN#<idempotency key>} item per turn taken. A turn is one
 * transaction that writes its {@code TURN} item (if the key has none) and moves the state on (if nobody else moved
 * it since it was read): two instances never take the same turn, and a redelivered step finds its turn again.
 * A writer that lost the race reads the state again and retries. Turn items carry {@code expiresAt} (epoch
 * seconds, 14 days on, as the effects ledger keeps its records), for a TTL on the table.
 */
public final class DynamoRotationState implements RotationState {

    /** The AWS calls it makes: the round-robin counter and each turn, in one transaction. */
    public static final Permissions PERMISSIONS = Permissions.on("CrmTable", "dynamodb:GetItem", "dynamodb:PutItem");

    static final Duration TURNS_KEPT = Duration.ofDays(14);
    private static final String STATE = "STATE";
    private static final String TURN = "TURN#";
    private static final String SEPARATOR = "\n";
    private static final int ATTEMPTS = 50;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;
    private final Clock clock;

    public DynamoRotationState(DynamoDbClient dynamo, FlowlineTables tables, Account account, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.crm();
        this.account = account;
        this.clock = clock;
    }

    @Override
    public long nextTurn(String rotationId, SortedSet<String> owners, String idempotencyKey) {
        String pk = account.key("ROTATION#" + rotationId);
        String ownerList = String.join(SEPARATOR, owners);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Long> taken = number(get(pk, TURN + idempotencyKey), "turn");
            if (taken.isPresent()) {
                return taken.get();
            }
            Map<String, AttributeValue> state = get(pk, STATE);
            boolean sameOwners = ownerList.equals(state.getOrDefault("owners", fromS("")).s());
            long turn = sameOwners ? number(state, "turns").orElse(0L) : 0;
            try {
                dynamo.transactWriteItems(b -> b.transactItems(claimTurn(pk, idempotencyKey, turn),
                        advance(pk, state, ownerList, turn + 1)));
                return turn;
            } catch (TransactionCanceledException raced) {
                // another instance took a turn (or this key's) first: read again
                List<CancellationReason> reasons = raced.cancellationReasons();
                if (reasons.isEmpty() || reasons.stream().noneMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                    throw raced;
                }
            }
        }
        throw new IllegalStateException("rotation " + rotationId + " kept changing under " + ATTEMPTS + " attempts");
    }

    private TransactWriteItem claimTurn(String pk, String idempotencyKey, long turn) {
        long expiresAt = clock.instant().plus(TURNS_KEPT).getEpochSecond();
        return TransactWriteItem.builder().put(put -> put.tableName(table)
                .item(Map.of(DynamoOwnerDirectory.PK, fromS(pk), DynamoOwnerDirectory.SK, fromS(TURN + idempotencyKey),
                        "turn", fromN(String.valueOf(turn)), "expiresAt", fromN(String.valueOf(expiresAt))))
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", DynamoOwnerDirectory.SK))).build();
    }

    /** Writes the state after this turn, if it is still the one read (or there still is none). */
    private TransactWriteItem advance(String pk, Map<String, AttributeValue> read, String owners, long turns) {
        var item = new HashMap<String, AttributeValue>();
        item.put(DynamoOwnerDirectory.PK, fromS(pk));
        item.put(DynamoOwnerDirectory.SK, fromS(STATE));
        item.put("owners", fromS(owners));
        item.put("turns", fromN(String.valueOf(turns)));
        item.put("version", fromN(String.valueOf(number(read, "version").orElse(0L) + 1)));
        return TransactWriteItem.builder().put(put -> {
            put.tableName(table).item(item);
            if (read.isEmpty()) {
                put.conditionExpression("attribute_not_exists(#sk)")
                        .expressionAttributeNames(Map.of("#sk", DynamoOwnerDirectory.SK));
            } else {
                put.conditionExpression("#version = :read").expressionAttributeNames(Map.of("#version", "version"))
                        .expressionAttributeValues(Map.of(":read", read.get("version")));
            }
        }).build();
    }

    private Map<String, AttributeValue> get(String pk, String sk) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(DynamoOwnerDirectory.PK, fromS(pk), DynamoOwnerDirectory.SK, fromS(sk)))).item();
        return item == null ? Map.of() : item;
    }

    private static Optional<Long> number(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(value -> Long.parseLong(value.n()));
    }
}
