package dev.flowline.aws.crm;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.dynamodb.LocalDynamoDb;
import dev.flowline.engine.action.InAppNotification;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.action.Notification;
import dev.flowline.engine.owner.Owner;
import dev.flowline.engine.owner.Team;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner directory, round-robin turns and notification inboxes on DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoCrmTest {

    private static final Account ACME = new Account("acme");
    private static final Account OTHER = new Account("other");
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private static Owner owner(String id, String userId, String... primaryTeam) {
        List<Owner.TeamMembership> teams = primaryTeam.length == 0 ? List.of()
                : List.of(new Owner.TeamMembership(primaryTeam[0], true), new Owner.TeamMembership("side", false));
        return new Owner(id, id + "@example.com", "First" + id, "Last" + id, userId, teams, T0, T0, false);
    }

    @Test
    void ownersAndTeamsAreStoredPagedAndKeptPerAccount(DynamoDbClient dynamo, FlowlineTables tables) {
        var directory = new DynamoOwnerDirectory(dynamo, tables, ACME);
        directory.putTeam(new Team("t1", "West"));
        directory.putOwner(owner("1", "101", "t1"));
        directory.putOwner(owner("2", null, "t1"));
        directory.putOwner(owner("3", null));
        directory.putOwner(owner("4", null, "t1").archivedAt(T0.plusSeconds(5)));

        assertThat(directory.owner("1")).contains(owner("1", "101", "t1"));
        var first = directory.owners(null, 2, false);
        assertThat(first.items()).extracting(Owner::id).containsExactly("1", "2");
        assertThat(directory.owners(first.next().orElseThrow(), 2, false).items()).extracting(Owner::id)
                .containsExactly("3");
        assertThat(directory.owners(null, 10, true).items()).extracting(Owner::id).containsExactly("4");
        assertThat(directory.mainTeamMembers("t1")).extracting(Owner::id).containsExactly("1", "2");
        assertThat(directory.activeOwnerOfUser("101")).map(Owner::id).contains("1");
        assertThat(directory.activeOwnerOfUser("2")).map(Owner::id).contains("2");
        assertThat(directory.teams()).containsExactly(new Team("t1", "West"));

        var other = new DynamoOwnerDirectory(dynamo, tables, OTHER);
        assertThat(other.owner("1")).isEmpty();
        assertThat(other.owners(null, 10, false).items()).isEmpty();
        assertThat(other.team("t1")).isEmpty();
    }

    @Test
    void theSameKeyGetsTheSameTurnAndNewOwnersStartAgain(DynamoDbClient dynamo, FlowlineTables tables) {
        var rotations = new DynamoRotationState(dynamo, tables, ACME, CLOCK);
        var two = new TreeSet<>(List.of("a", "b"));

        assertThat(rotations.nextTurn("f/1", two, "k1")).isZero();
        assertThat(rotations.nextTurn("f/1", two, "k1")).isZero();
        assertThat(rotations.nextTurn("f/1", two, "k2")).isEqualTo(1);
        assertThat(rotations.nextTurn("f/1", new TreeSet<>(List.of("a", "b", "c")), "k3")).isZero();
        assertThat(rotations.nextTurn("f/2", two, "k4")).isZero();
        assertThat(new DynamoRotationState(dynamo, tables, OTHER, CLOCK).nextTurn("f/1", two, "k5")).isZero();
    }

    @Test
    void twoInstancesSharingTheCounterRotateEvenlyWithoutATurnTakenTwice(DynamoDbClient dynamo, FlowlineTables tables)
            throws Exception {
        var owners = new TreeSet<>(List.of("a", "b", "c"));
        var instances = List.of(new DynamoRotationState(dynamo, tables, ACME, CLOCK),
                new DynamoRotationState(dynamo, tables, ACME, CLOCK));
        Map<Long, String> turns = new ConcurrentHashMap<>();
        int perInstance = 30;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < instances.size(); i++) {
                int instance = i;
                futures.add(pool.submit(() -> {
                    for (int step = 0; step < perInstance; step++) {
                        String key = "instance" + instance + ":" + step;
                        long turn = instances.get(instance).nextTurn("f/1", owners, key);
                        String earlier = turns.putIfAbsent(turn, key);
                        assertThat(earlier).as("turn %s taken by %s and %s", turn, earlier, key).isNull();
                        // a redelivery of the same step, on the other instance, finds its turn again
                        assertThat(instances.get(1 - instance).nextTurn("f/1", owners, key)).isEqualTo(turn);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(turns.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.range(0, 2 * perInstance).boxed().toList());
        Map<String, Long> perOwner = turns.keySet().stream().map(turn -> new ArrayList<>(owners).get((int) (turn % 3)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perOwner).containsOnly(Map.entry("a", 20L), Map.entry("b", 20L), Map.entry("c", 20L));
    }

    private static InAppNotification note(String key, Instant at, String... users) {
        return new InAppNotification(key, "f", "c", List.of(users), List.of("u1@example.com"), "APP",
                "Hot lead " + key, "Call now", at);
    }

    @Test
    void notificationsAreKeptPerUserNewestFirstOnceEachAndCanBeMarkedRead(DynamoDbClient dynamo,
                                                                         FlowlineTables tables) {
        var notifier = new DynamoNotifier(dynamo, tables, ACME, Optional.empty());
        notifier.notify(note("k1", T0, "u1", "u2"));
        notifier.notify(note("k2", T0.plusSeconds(60), "u1"));
        notifier.notify(note("k3", T0.plusSeconds(120), "u1"));
        notifier.notify(note("k2", T0.plusSeconds(600), "u1"));

        var first = notifier.inbox("u1", null, 2);
        assertThat(first.items()).extracting(Notification::subject).containsExactly("Hot lead k3", "Hot lead k2");
        var rest = notifier.inbox("u1", first.next().orElseThrow(), 2);
        assertThat(rest.items()).extracting(Notification::subject).containsExactly("Hot lead k1");
        assertThat(rest.next()).isEmpty();
        assertThat(notifier.inbox("u2", null, 10).items()).singleElement()
                .satisfies(n -> assertThat(n.createdAt()).isEqualTo(T0));

        String id = first.items().getFirst().id();
        assertThat(notifier.markRead("u1", id, T0.plusSeconds(900))).isTrue();
        assertThat(notifier.markRead("u1", id, T0.plusSeconds(999))).isTrue();
        assertThat(notifier.markRead("u2", id, T0)).isFalse();
        assertThat(notifier.inbox("u1", null, 1).items().getFirst().readAt()).isEqualTo(T0.plusSeconds(900));
        assertThat(new DynamoNotifier(dynamo, tables, OTHER, Optional.empty()).inbox("u1", null, 10).items()).isEmpty();
    }

    @Test
    void anEmailCopyGoesToTheUsersWhenConfigured(DynamoDbClient dynamo, FlowlineTables tables) {
        var sent = new ArrayList<InternalEmail>();
        var notifier = new DynamoNotifier(dynamo, tables, ACME, Optional.of(new Mailer() {
            @Override
            public void sendMarketingEmail(MarketingEmail email) {
            }

            @Override
            public void sendInternalEmail(InternalEmail email) {
                sent.add(email);
            }
        }));

        notifier.notify(note("k1", T0, "u1"));

        assertThat(sent).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("u1@example.com");
            assertThat(email.subject()).isEqualTo("Hot lead k1");
            assertThat(email.idempotencyKey()).isEqualTo("k1#email");
        });
    }
}
