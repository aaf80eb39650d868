package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.EventWait;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalDynamoDb.class)
class DynamoEnrolmentStoreTest {

    private static final Account ACCOUNT = new Account("a1");

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:00Z");

    private static Enrolment started(String flowId, String contactId, int number) {
        return Enrolment.start(flowId, contactId, number, EnrolmentSource.TRIGGER, "1", T0);
    }

    @Test
    void everyFieldOfAnEnrolmentRoundTrips(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        var waiting = new Enrolment("f1:c1:1", "f1", "c1", 1, EnrolmentSource.RE_ENROLMENT, EnrolmentStatus.ACTIVE,
                "4", 7, T0, T0.plusSeconds(3600), new EventWait("4", T0.plusNanos(1), T0.plusSeconds(3600)),
                Map.of("2", Map.of("hs_execution_state", "SUCCESS", "empty", ""), "3", Map.of()), true, false,
                null, null);
        var ended = new Enrolment("f1:c2:1", "f1", "c2", 1, EnrolmentSource.MANUAL, EnrolmentStatus.UNENROLLED,
                null, 2, T0, null, null, Map.of(), false, true, T0.plusSeconds(5), UnenrolmentReason.GOAL_MET);
        store.create(waiting);
        store.create(ended);

        assertThat(store.find("f1:c1:1")).contains(waiting);
        assertThat(store.find("f1:c2:1")).contains(ended);
        assertThat(store.find("f1:c3:1")).isEmpty();
    }

    @Test
    void aDuplicateCreateIsRejected(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);

        assertThat(store.create(started("f1", "c1", 1))).isTrue();
        assertThat(store.create(started("f1", "c1", 1).advance("2", null))).isFalse();
        assertThat(store.find("f1:c1:1").orElseThrow().sequence()).isZero();
    }

    @Test
    void creatingManyAtOnceLeavesOutOnlyThoseAlreadyThereInTransactionsOfFiftyEnrolments(DynamoDbClient dynamo,
                                                                                         FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        store.create(started("f1", "c7", 1));
        store.create(started("f1", "c64", 1));
        var enrolments = IntStream.range(0, 120).mapToObj(i -> started("f1", "c" + i, 1)).toList();

        List<Enrolment> created = store.createAll(enrolments);

        assertThat(created).hasSize(118).doesNotContain(started("f1", "c7", 1), started("f1", "c64", 1));
        assertThat(store.createAll(enrolments)).as("all of them again: a redelivery").isEmpty();
        assertThat(store.create(started("f1", "c100", 2))).as("each created enrolment holds its lock").isFalse();
        assertThat(IntStream.range(0, 120).mapToObj(i -> store.ofContact("f1", "c" + i)))
                .allSatisfy(each -> assertThat(each).hasSize(1));
    }

    @Test
    void theFirstEnrolmentsOfManyContactsAreReadAtOnce(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        store.createAll(IntStream.range(0, 150).filter(i -> i % 2 == 0)
                .mapToObj(i -> started("f1", "c" + i, 1)).toList());
        store.create(started("f2", "c1", 1));

        var first = store.firstOfContacts("f1", IntStream.range(0, 150).mapToObj(i -> "c" + i).toList());

        assertThat(first).hasSize(75).containsEntry("c42", started("f1", "c42", 1)).doesNotContainKey("c1");
        assertThat(new DynamoEnrolmentStore(dynamo, tables, new Account("a2")).firstOfContacts("f1", List.of("c42")))
                .as("another account's").isEmpty();
    }

    @Test
    void aSecondActiveEnrolmentOfAContactInAFlowIsRejected(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        store.create(started("f1", "c1", 1));

        assertThat(store.create(started("f1", "c1", 2))).isFalse();
        assertThat(store.find("f1:c1:2")).isEmpty();
        assertThat(store.create(started("f2", "c1", 1))).as("another flow").isTrue();
        assertThat(store.create(started("f1", "c2", 1))).as("another contact").isTrue();
    }

    @Test
    void aContactCanEnrolAgainOnceItsEnrolmentHasEnded(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        var first = started("f1", "c1", 1);
        store.create(first);

        assertThat(store.update(first.complete(T0.plusSeconds(60)), 0)).isTrue();
        assertThat(store.create(started("f1", "c1", 2))).isTrue();
        assertThat(store.create(started("f1", "c1", 3))).isFalse();
    }

    @Test
    void anEnrolmentIsCreatedOnlyAfterItsEndedPredecessor(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);

        assertThat(store.create(started("f1", "c1", 2))).as("no first enrolment").isFalse();
        var first = started("f1", "c1", 1);
        store.create(first);
        assertThat(store.update(first.unenrol(UnenrolmentReason.MANUAL, T0), 0)).isTrue();
        assertThat(store.createAll(List.of(started("f1", "c1", 3)))).as("no second enrolment").isEmpty();
        assertThat(store.createAll(List.of(started("f1", "c1", 2)))).hasSize(1);
        assertThat(store.activeOfContact("c1")).extracting(Enrolment::number).containsExactly(2);
    }

    @Test
    void aLockItemOfAnEarlierVersionIsDeletedWithItsEnrolment(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        var first = started("f1", "c1", 1);
        store.create(first);
        var lock = Map.of("pk", AttributeValue.fromS(ACCOUNT.key("ACTIVE#f1#c1")));
        dynamo.putItem(b -> b.tableName(tables.enrolments()).item(Map.of("pk", lock.get("pk"),
                "enrolmentId", AttributeValue.fromS(ACCOUNT.key(first.enrolmentId())))));

        assertThat(store.update(first.complete(T0), 0)).isTrue();
        assertThat(store.create(started("f1", "c1", 2))).as("the lock is not read").isTrue();
        store.delete(first);
        assertThat(dynamo.getItem(b -> b.tableName(tables.enrolments()).key(lock)).hasItem()).isFalse();
    }

    @Test
    void updatingAnEndedEnrolmentKeepsTheLaterActiveEnrolmentsLock(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        var first = started("f1", "c1", 1);
        store.create(first);
        var completed = first.withMarketingEmailSent().complete(T0.plusSeconds(60));
        store.update(completed, 0);
        store.create(started("f1", "c1", 2));

        assertThat(store.update(completed.withGoalConverted(), completed.sequence())).isTrue();
        assertThat(store.find("f1:c1:1").orElseThrow().goalConverted()).isTrue();
        assertThat(store.create(started("f1", "c1", 3))).isFalse();
    }

    @Test
    void anUpdateWithAStaleSequenceIsRejected(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        var enrolment = started("f1", "c1", 1);
        store.create(enrolment);
        store.update(enrolment.advance("2", null), 0);

        assertThat(store.update(enrolment.advance("3", null), 0)).isFalse();
        assertThat(store.update(enrolment.unenrol(UnenrolmentReason.MANUAL, T0), 0)).isFalse();
        assertThat(store.find("f1:c1:1").orElseThrow().currentActionId()).isEqualTo("2");
        assertThat(store.update(started("f1", "c9", 1), 0)).as("an enrolment never created").isFalse();
    }

    @Test
    void ofConcurrentUpdatesFromOneSequenceExactlyOneWins(DynamoDbClient dynamo, FlowlineTables tables)
            throws Exception {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        var enrolment = started("f1", "c1", 1);
        store.create(enrolment);

        List<Boolean> results = race(8, i -> () -> i % 2 == 0
                ? store.update(enrolment.advance("step-" + i, null), 0)
                : store.update(enrolment.unenrol(UnenrolmentReason.MANUAL, T0), 0));

        assertThat(results).containsOnlyOnce(true);
        assertThat(store.find("f1:c1:1").orElseThrow().sequence()).isEqualTo(1);
    }

    @Test
    void ofConcurrentCreatesForOneContactInOneFlowExactlyOneWins(DynamoDbClient dynamo, FlowlineTables tables)
            throws Exception {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);

        List<Boolean> results = race(8, i -> () -> store.create(started("f1", "c1", i + 1)));

        assertThat(results).containsOnlyOnce(true);
        assertThat(store.activeOfContact("c1")).hasSize(1);
        assertThat(store.ofContact("f1", "c1")).hasSize(1);
    }

    @Test
    void enrolmentsOfAContactInAFlowComeOldestFirst(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        for (int number = 1; number <= 11; number++) {
            var enrolment = started("f1", "c1", number);
            store.create(enrolment);
            store.update(enrolment.complete(T0), 0);
        }
        store.create(started("f10", "c1", 1));
        store.create(started("f1", "c2", 1));

        assertThat(store.ofContact("f1", "c1")).extracting(Enrolment::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 11).boxed().toList());
    }

    @Test
    void onlyActiveEnrolmentsAreListedAsActive(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        var ended = started("f1", "c1", 1);
        store.create(ended);
        store.update(ended.unenrol(UnenrolmentReason.SUPPRESSION_LIST, T0), 0);
        store.create(started("f2", "c1", 1));
        store.create(started("f3", "c1", 1));
        store.create(started("f2", "c2", 1));

        assertThat(store.activeOfContact("c1")).extracting(Enrolment::enrolmentId)
                .containsExactlyInAnyOrder("f2:c1:1", "f3:c1:1");
    }

    @Test
    void dueWakeUpsAreFoundByTheirMinute(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        Instant minute = Instant.parse("2026-11-23T11:00:00Z");
        for (int contact = 0; contact <= 20; contact++) {
            var enrolment = started("f1", "c" + contact, 1);
            store.create(enrolment);
            store.update(enrolment.advance("2", minute.plusSeconds(contact * 3)), 0);
        }
        var waiting = started("f2", "c1", 1);
        store.create(waiting);
        store.update(waiting.waitFor(new EventWait("1", T0, minute.plusSeconds(10))), 0);
        var ended = started("f3", "c1", 1);
        store.create(ended);
        store.update(ended.advance("2", minute), 0);
        store.update(ended.advance("2", minute).unenrol(UnenrolmentReason.MANUAL, T0), 1);

        var dueAtEleven = new ArrayList<>(IntStream.range(0, 20).mapToObj(c -> "f1:c" + c + ":1").toList());
        dueAtEleven.add("f2:c1:1");

        var due = new DueEnrolments(dynamo, tables);
        assertThat(due.in(minute.plusSeconds(42))).extracting(d -> d.step().enrolmentId())
                .containsExactlyInAnyOrderElementsOf(dueAtEleven);
        assertThat(due.in(minute.plusSeconds(60))).extracting(DueEnrolments.Due::account, d -> d.step().enrolmentId(),
                        DueEnrolments.Due::dueAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ACCOUNT, "f1:c20:1", minute.plusSeconds(60)));
    }

    @Test
    void activeOfFlowListsOnlyTheFlowsActiveEnrolmentsOfThisAccount(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoEnrolmentStore(dynamo, tables, ACCOUNT);
        store.create(started("f1", "c1", 1).advance("2", null));
        store.create(started("f1", "c2", 1));
        store.create(started("f1", "c3", 1).complete(T0));
        store.create(started("f2", "c1", 1));
        new DynamoEnrolmentStore(dynamo, tables, new Account("a2")).create(started("f1", "c9", 1));

        assertThat(store.activeOfFlow("f1")).extracting(Enrolment::enrolmentId, Enrolment::currentActionId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("f1:c1:1", "2"),
                        org.assertj.core.groups.Tuple.tuple("f1:c2:1", "1"));
        assertThat(store.activeOfFlow("f3")).isEmpty();
    }

    private static List<Boolean> race(int writers, IntFunction<Callable<Boolean>> writer)
            throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(writers)) {
            List<Future<Boolean>> futures = IntStream.range(0, writers)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return writer.apply(i).call();
                    }))
                    .toList();
            start.countDown();
            var results = new ArrayList<Boolean>();
            for (Future<Boolean> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
