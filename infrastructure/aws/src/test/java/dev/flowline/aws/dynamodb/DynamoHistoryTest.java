package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalDynamoDb.class)
class DynamoHistoryTest {

    private static final Account ACCOUNT = new Account("a1");

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:00Z");

    @Test
    void entriesAreReadPerEnrolmentAndPerContactInTimeOrder(DynamoDbClient dynamo, FlowlineTables tables) {
        var history = new DynamoHistory(dynamo, tables, ACCOUNT);
        var notEnrolled = new HistoryEntry(null, "f2", "c1", T0, HistoryKind.NOT_ENROLLED, null, "Already active");
        var enrolled = new HistoryEntry("f1:c1:1", "f1", "c1", T0, HistoryKind.ENROLLED, null, "Met the triggers");
        var sameInstant = new HistoryEntry("f1:c1:1", "f1", "c1", T0, HistoryKind.ACTION_SUCCEEDED, "1", null);
        var later = new HistoryEntry("f1:c1:1", "f1", "c1", T0.plusNanos(1), HistoryKind.COMPLETED, null, "Done");
        var otherContact = new HistoryEntry("f1:c2:1", "f1", "c2", T0, HistoryKind.ENROLLED, null, "Met the triggers");
        history.append(later);
        history.append(notEnrolled);
        history.append(enrolled);
        history.append(sameInstant);
        history.append(otherContact);

        assertThat(history.ofEnrolment("f1:c1:1")).containsExactly(enrolled, sameInstant, later);
        assertThat(history.ofContact("c1")).containsExactly(notEnrolled, enrolled, sameInstant, later);
        assertThat(history.ofContact("c3")).isEmpty();
    }

    @Test
    void entriesAppendedTogetherAreAllKeptInTheirOrder(DynamoDbClient dynamo, FlowlineTables tables) {
        var history = new DynamoHistory(dynamo, tables, ACCOUNT);
        var entries = IntStream.range(0, 60).mapToObj(i -> new HistoryEntry("f3:c" + i % 2 + ":1", "f3", "c" + i % 2,
                T0, HistoryKind.ENROLLED, null, "entry " + i)).toList();

        history.appendAll(entries);

        assertThat(history.ofContact("c0")).extracting(HistoryEntry::detail)
                .containsExactlyElementsOf(IntStream.range(0, 60).filter(i -> i % 2 == 0).mapToObj(i -> "entry " + i)
                        .toList());
        assertThat(history.ofEnrolment("f3:c1:1")).hasSize(30);
    }

    @Test
    void entriesAppendedTogetherKeepTheirOrder(DynamoDbClient dynamo, FlowlineTables tables) {
        var history = new DynamoHistory(dynamo, tables, ACCOUNT);
        var entries = IntStream.range(0, 30).mapToObj(i -> new HistoryEntry("f1:c1:1", "f1", "c1", T0,
                HistoryKind.ACTION_SUCCEEDED, String.valueOf(i), null)).toList();

        history.appendAll(entries);

        assertThat(history.ofEnrolment("f1:c1:1")).containsExactlyElementsOf(entries);
        assertThat(history.ofContact("c1")).containsExactlyElementsOf(entries);
    }

    @Test
    void entriesFromTwoWritersAtTheSameInstantAreBothKept(DynamoDbClient dynamo, FlowlineTables tables) {
        var one = new DynamoHistory(dynamo, tables, ACCOUNT);
        var other = new DynamoHistory(dynamo, tables, ACCOUNT);
        var first = new HistoryEntry("f1:c1:1", "f1", "c1", T0, HistoryKind.ENROLLED, null, "one");
        var second = new HistoryEntry("f2:c1:1", "f2", "c1", T0, HistoryKind.ENROLLED, null, "other");

        one.append(first);
        other.append(second);

        assertThat(one.ofContact("c1")).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aRunsEntriesAreOneItemReadInTimeOrderAmongOthers(DynamoDbClient dynamo, FlowlineTables tables) {
        var run = new DynamoHistory(dynamo, tables, ACCOUNT);
        var other = new DynamoHistory(dynamo, tables, ACCOUNT);
        var email = new HistoryEntry("f1:c5:1", "f1", "c5", T0, HistoryKind.ACTION_SUCCEEDED, "1", "sent");
        var between = new HistoryEntry(null, "f2", "c5", T0.plusMillis(1), HistoryKind.NOT_ENROLLED, null, "no");
        var property = new HistoryEntry("f1:c5:1", "f1", "c5", T0.plusMillis(2), HistoryKind.ACTION_SUCCEEDED, "2", null);
        var delay = new HistoryEntry("f1:c5:1", "f1", "c5", T0.plusMillis(3), HistoryKind.ACTION_SUCCEEDED, "3", null);
        var elsewhere = new HistoryEntry("f1:c6:1", "f1", "c6", T0, HistoryKind.ACTION_SUCCEEDED, "1", null);

        other.append(between);
        run.appendAll(List.of(email, property, elsewhere, delay));

        assertThat(dynamo.query(b -> b.tableName(tables.history()).keyConditionExpression("contactId = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(ACCOUNT.key("c5"))))).count())
                .as("the run's three entries in one item, beside the other writer's").isEqualTo(2);
        assertThat(run.ofContact("c5")).containsExactly(email, between, property, delay);
        assertThat(run.ofEnrolment("f1:c5:1")).containsExactly(email, property, delay);
        assertThat(run.ofContact("c6")).containsExactly(elsewhere);
    }

    @Test
    void aLongRunIsSplitIntoItemsOfBoundedSize(DynamoDbClient dynamo, FlowlineTables tables) {
        var history = new DynamoHistory(dynamo, tables, ACCOUNT);
        var entries = IntStream.range(0, DynamoHistory.ENTRIES_PER_ITEM + 1).mapToObj(i -> new HistoryEntry("f1:c7:1",
                "f1", "c7", T0.plusNanos(i), HistoryKind.ACTION_SUCCEEDED, String.valueOf(i), null)).toList();

        history.appendAll(entries);

        assertThat(dynamo.query(b -> b.tableName(tables.history()).keyConditionExpression("contactId = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(ACCOUNT.key("c7"))))).count()).isEqualTo(2);
        assertThat(history.ofEnrolment("f1:c7:1")).containsExactlyElementsOf(entries);
    }
}
