package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly SMS cap as an atomic DynamoDB counter. */
@ExtendWith(LocalDynamoDb.class)
class DynamoSmsQuotaTest {

    private static final Account A = new Account("a1");
    private static final Account B = new Account("b2");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void countsUpToTheLimitThenRefuses(DynamoDbClient dynamo, FlowlineTables tables) {
        var quota = new DynamoSmsQuota(dynamo, tables, A);

        assertThat(IntStream.range(0, 3).mapToObj(i -> quota.reserve(MARCH, 3, "k" + i))).containsOnly(true);
        assertThat(quota.reserve(MARCH, 3, "k3")).isFalse();
        assertThat(quota.reserve(MARCH.plusMonths(1), 3, "k3")).as("a refusal is not remembered: April has room")
                .isTrue();
    }

    @Test
    void theSameKeyIsCountedOnceAndAnsweredTheSame(DynamoDbClient dynamo, FlowlineTables tables) {
        var quota = new DynamoSmsQuota(dynamo, tables, A);

        assertThat(quota.reserve(MARCH, 2, "k1")).isTrue();
        assertThat(quota.reserve(MARCH, 2, "k1")).isTrue();
        assertThat(quota.reserve(MARCH, 2, "k2")).as("k1 took one place only").isTrue();
        assertThat(quota.reserve(MARCH, 2, "k1")).as("counted before the cap, still counted").isTrue();
        assertThat(quota.reserve(MARCH, 2, "k3")).isFalse();
    }

    @Test
    void eachAccountHasItsOwnCount(DynamoDbClient dynamo, FlowlineTables tables) {
        assertThat(new DynamoSmsQuota(dynamo, tables, A).reserve(MARCH, 1, "k1")).isTrue();

        assertThat(new DynamoSmsQuota(dynamo, tables, B).reserve(MARCH, 1, "k1")).isTrue();
        assertThat(new DynamoSmsQuota(dynamo, tables, A).reserve(MARCH, 1, "k2")).isFalse();
    }

    @Test
    void twoConcurrentReserversForTheLastPlaceGetOneOfThem(DynamoDbClient dynamo, FlowlineTables tables) {
        for (int round = 0; round < 10; round++) {
            YearMonth month = MARCH.plusMonths(round);
            var first = new DynamoSmsQuota(dynamo, tables, A);
            var second = new DynamoSmsQuota(dynamo, tables, A);
            assertThat(first.reserve(month, 2, "before-" + round)).isTrue();
            var start = new CountDownLatch(1);
            var one = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> first.reserve(month, 2, "x-" + month)));
            var other = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> second.reserve(month, 2, "y-" + month)));

            start.countDown();

            assertThat(List.of(one.join(), other.join())).as("round " + round).containsExactlyInAnyOrder(true, false);
        }
    }

    private static boolean awaitThen(CountDownLatch start, java.util.function.BooleanSupplier reserve) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return reserve.getAsBoolean();
    }
}
