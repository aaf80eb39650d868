package dev.flowline.aws.accounts;

import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.iam.Permissions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * API tokens, like HubSpot's private-app access tokens: each belongs to one account and has a name. Only a hash of
 * each token is stored. A token is 256 random bits, so a plain SHA-256 is enough: a slow, salted password hash
 * guards guessable secrets against brute force, and there is nothing to guess here; a fast hash keeps every API
 * request's check to one key lookup. Whoever reads the table cannot call the API with what they read.
 */
public final class ApiTokens {

    /** The AWS calls it makes: what the API needs: a token looked up by its hash (issuing, revoking and listing are the operator's). */
    public static final Permissions AUTHENTICATING = Permissions.on("TokensTable", "dynamodb:GetItem");

    /** What every token begins with, so a leaked one is recognised by secret scanners. */
    public static final String PREFIX = "pat-fl-";
    private static final String HASH = "tokenHash";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token of an account as listed: its name and when it was issued, never the token. */
    public record Issued(Account account, String name, String issuedAt) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public ApiTokens(DynamoDbClient dynamo, FlowlineTables tables, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.tokens();
        this.clock = clock;
    }

    /** Issues a new token for {@code account}; the only time it is shown. */
    public String issue(Account account, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        register(account, name, token);
        return token;
    }

    /**
     * Stores {@code token}, chosen by the caller, for {@code account} (the local runtime's development token). A
     * token already stored for another account is refused.
     */
    public void register(Account account, String name, String token) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(HASH, fromS(hash(token)),
                            "account", fromS(account.id()), "name", fromS(name),
                            "issuedAt", fromS(clock.instant().toString())))
                    .conditionExpression("attribute_not_exists(#h) OR #a = :a")
                    .expressionAttributeNames(Map.of("#h", HASH, "#a", "account"))
                    .expressionAttributeValues(Map.of(":a", fromS(account.id()))));
        } catch (ConditionalCheckFailedException taken) {
            throw new IllegalArgumentException("that token belongs to another account");
        }
    }

    /** The account of {@code token}, if it is a token issued and not revoked. */
    public Optional<Account> authenticate(String token) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Map.of(HASH, fromS(hash(token))))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new Account(item.get("account").s()));
    }

    /** The tokens of {@code account}, by a scan: an operator's listing, not a request path. */
    public List<Issued> of(Account account) {
        return dynamo.scanPaginator(b -> b.tableName(table).filterExpression("#a = :a")
                        .expressionAttributeNames(Map.of("#a", "account"))
                        .expressionAttributeValues(Map.of(":a", fromS(account.id()))))
                .items().stream().map(item -> new Issued(account, item.get("name").s(), item.get("issuedAt").s()))
                .toList();
    }

    /** Revokes every token of {@code account} named {@code name}; returns how many. */
    public int revoke(Account account, String name) {
        List<Map<String, AttributeValue>> keys = dynamo.scanPaginator(b -> b.tableName(table)
                        .filterExpression("#a = :a AND #n = :n")
                        .expressionAttributeNames(Map.of("#a", "account", "#n", "name"))
                        .expressionAttributeValues(Map.of(":a", fromS(account.id()), ":n", fromS(name))))
                .items().stream().map(item -> Map.of(HASH, item.get(HASH))).toList();
        keys.forEach(key -> dynamo.deleteItem(b -> b.tableName(table).key(key)));
        return keys.size();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
