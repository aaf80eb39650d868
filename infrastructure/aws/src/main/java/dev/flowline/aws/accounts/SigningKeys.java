package dev.flowline.aws.accounts;

import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.iam.Permissions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * The key that signs each account's webhooks (HubSpot's v3 and v2 signatures), so that a receiver can tell the
 * accounts apart: one current key per account, 256 random bits after {@value #PREFIX}. Unlike an API token it is
 * stored as it is, since the action executor needs it to sign and the account's receivers to verify. It lives in
 * the tokens table as the item {@code <account>#signing-key} (an API token's item is keyed by a hex hash, so the
 * two never meet); the item has no {@code account} attribute, so the token listings of {@link ApiTokens} do not
 * see it. A rotation replaces the key at once: the next webhook is signed with the new one.
 */
public final class SigningKeys {

    /** The AWS calls it makes: what signing webhooks needs (rotating is the operator's). */
    public static final Permissions READING = Permissions.on("TokensTable", "dynamodb:GetItem");

    /** What every signing key begins with, so a leaked one is recognised by secret scanners. */
    public static final String PREFIX = "whsec-fl-";
    /** The local key of an account's signing-key item; the template's IAM condition names it too. */
    static final String ITEM = "signing-key";
    private static final String HASH = "tokenHash";
    private static final String KEY = "signingKey";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public SigningKeys(DynamoDbClient dynamo, FlowlineTables tables, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.tokens();
        this.clock = clock;
    }

    /** The account's current key; a strongly consistent read, so a rotation is seen by the very next call. */
    public Optional<String> current(Account account) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key(account)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get(KEY).s());
    }

    /** The account's key, created first if it has none (as issuing a token does). */
    public String createIfAbsent(Account account) {
        String created = newKey();
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(account, created))
                    .conditionExpression("attribute_not_exists(#h)").expressionAttributeNames(Map.of("#h", HASH)));
            return created;
        } catch (ConditionalCheckFailedException exists) {
            return current(account).orElseThrow();
        }
    }

    /** Replaces the account's key (or creates it) and returns the new one, which signs from the next webhook on. */
    public String rotate(Account account) {
        String created = newKey();
        dynamo.putItem(b -> b.tableName(table).item(item(account, created)));
        return created;
    }

    private Map<String, AttributeValue> item(Account account, String signingKey) {
        return Map.of(HASH, fromS(account.key(ITEM)), KEY, fromS(signingKey),
                "createdAt", fromS(clock.instant().toString()));
    }

    private static Map<String, AttributeValue> key(Account account) {
        return Map.of(HASH, fromS(account.key(ITEM)));
    }

    private static String newKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
