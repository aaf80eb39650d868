package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

@ExtendWith(LocalDynamoDb.class)
class EffectLedgerTest {

    private static final Account ACCOUNT = new Account("a1");

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:00Z");

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void aKeyIsClaimedOnlyOnce(DynamoDbClient dynamo, FlowlineTables tables) {
        var ledger = new EffectLedger(dynamo, tables, ACCOUNT, at(T0));

        assertThat(ledger.claim("f1:c1:1#4")).isTrue();
        assertThat(ledger.claim("f1:c1:1#4")).isFalse();
        assertThat(ledger.claim("f1:c1:1#5")).isTrue();
    }

    @Test
    void aClaimCarriesItsExpiryForDynamoDbsTimeToLive(DynamoDbClient dynamo, FlowlineTables tables) {
        new EffectLedger(dynamo, tables, ACCOUNT, at(T0), Duration.ofDays(2)).claim("k");

        var item = dynamo.getItem(b -> b.tableName(tables.effects())
                .key(Map.of("idempotencyKey", fromS("a1#k"))))
                .item();
        assertThat(item.get("expiresAt").n()).isEqualTo(String.valueOf(T0.plus(Duration.ofDays(2)).getEpochSecond()));
        assertThat(dynamo.describeTimeToLive(b -> b.tableName(tables.effects())).timeToLiveDescription()
                .attributeName()).isEqualTo("expiresAt");
    }

    @Test
    void anExpiredClaimCanBeClaimedAgain(DynamoDbClient dynamo, FlowlineTables tables) {
        new EffectLedger(dynamo, tables, ACCOUNT, at(T0), Duration.ofHours(1)).claim("k");

        assertThat(new EffectLedger(dynamo, tables, ACCOUNT, at(T0.plus(Duration.ofMinutes(59)))).claim("k")).isFalse();
        assertThat(new EffectLedger(dynamo, tables, ACCOUNT, at(T0.plus(Duration.ofHours(1)))).claim("k")).isTrue();
    }

    @Test
    void aReleasedClaimCanBeClaimedAgain(DynamoDbClient dynamo, FlowlineTables tables) {
        var ledger = new EffectLedger(dynamo, tables, ACCOUNT, at(T0));
        ledger.claim("k");

        ledger.release("k");

        assertThat(ledger.claim("k")).isTrue();
    }
}
