package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.idempotency.EffectInProgress;
import dev.flowline.engine.idempotency.IdempotencyLedger.Claim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

@ExtendWith(LocalDynamoDb.class)
class EffectLedgerTest {

    private static final Account ACCOUNT = new Account("a1");

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:00Z");

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void aKeyIsGrantedOnceAndThenGivesTheOutcomeItsEffectRecorded(DynamoDbClient dynamo, FlowlineTables tables) {
        var ledger = new EffectLedger(dynamo, tables, ACCOUNT, at(T0));

        assertThat(ledger.claim("f1:c1:1#4")).isEqualTo(new Claim.Granted());
        assertThat(ledger.claim("f1:c1:1#4")).isEqualTo(new Claim.InProgress());
        ledger.complete("f1:c1:1#4", "503");

        assertThat(ledger.claim("f1:c1:1#4")).isEqualTo(new Claim.Done("503"));
        assertThat(ledger.claim("f1:c1:1#5")).isEqualTo(new Claim.Granted());
    }

    @Test
    void anEffectIsMadeOnceAndALaterRunGetsItsOutcome(DynamoDbClient dynamo, FlowlineTables tables) {
        var ledger = new EffectLedger(dynamo, tables, ACCOUNT, at(T0));
        var made = new AtomicInteger();

        assertThat(ledger.once("k", () -> "sent " + made.incrementAndGet())).isEqualTo("sent 1");
        assertThat(ledger.once("k", () -> "sent " + made.incrementAndGet())).isEqualTo("sent 1");
        assertThat(made).hasValue(1);
    }

    @Test
    void aRunThatFindsAnotherMakingTheEffectFailsWithoutMakingIt(DynamoDbClient dynamo, FlowlineTables tables) {
        var ledger = new EffectLedger(dynamo, tables, ACCOUNT, at(T0));
        ledger.claim("k");

        assertThatThrownBy(() -> ledger.once("k", () -> {
            throw new AssertionError("made twice");
        })).isInstanceOf(EffectInProgress.class);
    }

    @Test
    void anEffectThatFailsGivesItsKeyBackForTheRetry(DynamoDbClient dynamo, FlowlineTables tables) {
        var ledger = new EffectLedger(dynamo, tables, ACCOUNT, at(T0));

        assertThatThrownBy(() -> ledger.once("k", () -> {
            throw new IllegalStateException("throttled");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ledger.claim("k")).isEqualTo(new Claim.Granted());
    }

    @Test
    void aClaimLeftInProgressByACrashedRunIsGrantedAgainAfterItsLease(DynamoDbClient dynamo, FlowlineTables tables) {
        new EffectLedger(dynamo, tables, ACCOUNT, at(T0)).claim("k");

        assertThat(new EffectLedger(dynamo, tables, ACCOUNT, at(T0.plus(EffectLedger.LEASE).minusSeconds(1)))
                .claim("k")).isEqualTo(new Claim.InProgress());
        assertThat(new EffectLedger(dynamo, tables, ACCOUNT, at(T0.plus(EffectLedger.LEASE))).claim("k"))
                .isEqualTo(new Claim.Granted());
    }

    @Test
    void aDoneClaimIsNotGrantedAgainWhenItsLeaseWouldHaveRunOut(DynamoDbClient dynamo, FlowlineTables tables) {
        var ledger = new EffectLedger(dynamo, tables, ACCOUNT, at(T0));
        ledger.claim("k");
        ledger.complete("k", "sent");

        assertThat(new EffectLedger(dynamo, tables, ACCOUNT, at(T0.plus(Duration.ofDays(1)))).claim("k"))
                .isEqualTo(new Claim.Done("sent"));
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
        var ledger = new EffectLedger(dynamo, tables, ACCOUNT, at(T0), Duration.ofHours(1));
        ledger.claim("k");
        ledger.complete("k", "sent");

        assertThat(new EffectLedger(dynamo, tables, ACCOUNT, at(T0.plus(Duration.ofMinutes(59)))).claim("k"))
                .isEqualTo(new Claim.Done("sent"));
        assertThat(new EffectLedger(dynamo, tables, ACCOUNT, at(T0.plus(Duration.ofHours(1)))).claim("k"))
                .isEqualTo(new Claim.Granted());
    }

    @Test
    void aClaimKeptBeforeOutcomesWereRecordedCountsAsMadeWithAnUnknownOutcome(DynamoDbClient dynamo,
                                                                              FlowlineTables tables) {
        dynamo.putItem(b -> b.tableName(tables.effects()).item(Map.of("idempotencyKey", fromS("a1#k"),
                "expiresAt", AttributeValue.fromN(String.valueOf(T0.plus(Duration.ofDays(14)).getEpochSecond())))));

        assertThat(new EffectLedger(dynamo, tables, ACCOUNT, at(T0)).claim("k")).isEqualTo(new Claim.Done(""));
    }
}
