package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.activation.ActivationRun;
import dev.flowline.engine.activation.ActivationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalDynamoDb.class)
class DynamoActivationProgressTest {

    private static final Instant STARTED = Instant.parse("2026-12-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(STARTED, ZoneOffset.UTC);

    private static DynamoActivationProgress progress(DynamoDbClient dynamo, FlowlineTables tables, String account) {
        return new DynamoActivationProgress(dynamo, tables, new Account(account), CLOCK);
    }

    @Test
    void eachRunCountsOnceHoweverOftenItIsDelivered(DynamoDbClient dynamo, FlowlineTables tables) {
        var progress = progress(dynamo, tables, "a1");
        progress.start("f1", STARTED, 2);
        var first = new ActivationRun("f1", STARTED, 0, null, 100, 40, false);
        var rest = new ActivationRun("f1", STARTED, 0, "c99", 30, 10, true);

        assertThat(progress.count(first)).isTrue();
        assertThat(progress.count(first)).as("redelivered").isFalse();
        assertThat(progress.count(rest)).isTrue();
        assertThat(progress.count(new ActivationRun("f1", STARTED, 1, null, 5, 0, true))).isTrue();

        assertThat(progress.of("f1")).contains(new ActivationStatus("f1", STARTED, 2, 2, 135, 50));
        assertThat(progress.of("f1").orElseThrow().done()).isTrue();
        assertThat(progress(dynamo, tables, "a2").of("f1")).as("another account's").isEmpty();
    }

    @Test
    void turningTheFlowOnAgainStartsAfreshAndTheEarlierActivationsRunsCountNothing(DynamoDbClient dynamo,
                                                                                   FlowlineTables tables) {
        var progress = progress(dynamo, tables, "a1");
        progress.start("f2", STARTED, 16);
        progress.count(new ActivationRun("f2", STARTED, 0, null, 100, 40, true));
        Instant again = STARTED.plusSeconds(60);

        progress.start("f2", again, 16);

        assertThat(progress.count(new ActivationRun("f2", STARTED, 1, null, 100, 40, true))).isFalse();
        assertThat(progress.count(new ActivationRun("f2", again, 0, null, 7, 1, true))).isTrue();
        assertThat(progress.of("f2")).contains(new ActivationStatus("f2", again, 16, 1, 7, 1));
        assertThat(progress.count(new ActivationRun("never-started", STARTED, 0, null, 1, 1, true))).isFalse();
    }
}
