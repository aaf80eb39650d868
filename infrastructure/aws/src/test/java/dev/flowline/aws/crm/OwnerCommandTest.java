package dev.flowline.aws.crm;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.dynamodb.LocalDynamoDb;
import dev.flowline.engine.owner.Owner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalDynamoDb.class)
class OwnerCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    private static List<String> run(DynamoOwnerDirectory directory, String... args) {
        return OwnerCommand.run(directory, CLOCK, List.of(args));
    }

    @Test
    void operatorsFillTheDirectoryOfAnAccount(DynamoDbClient dynamo, FlowlineTables tables) {
        var directory = new DynamoOwnerDirectory(dynamo, tables, new Account("acme"));

        run(directory, "put-team", "acme", "t1", "West", "Coast");
        run(directory, "put-owner", "acme", "61", "jsmith@example.com", "first=John", "user=1296619", "teams=t1");
        run(directory, "put-owner", "acme", "62", "ada@example.com");
        run(directory, "archive-owner", "acme", "62");

        assertThat(directory.team("t1").orElseThrow().name()).isEqualTo("West Coast");
        assertThat(directory.owner("61").orElseThrow()).satisfies(owner -> {
            assertThat(owner.firstName()).isEqualTo("John");
            assertThat(owner.userId()).isEqualTo("1296619");
            assertThat(owner.primaryTeam()).contains("t1");
        });
        assertThat(directory.owner("62").orElseThrow().archived()).isTrue();
        assertThat(run(directory, "list", "acme")).containsExactly("team\tt1\tWest Coast",
                "owner\t61\tjsmith@example.com\tuser 1296619\tteams [t1]");
        assertThat(directory.mainTeamMembers("t1")).extracting(Owner::id).containsExactly("61");
    }

    @Test
    void badArgumentsAreRefusedAndWriteNothing(DynamoDbClient dynamo, FlowlineTables tables) {
        var directory = new DynamoOwnerDirectory(dynamo, tables, new Account("acme"));

        assertThatThrownBy(() -> run(directory, "put-owner", "acme", "61", "not an address"))
                .hasMessageContaining("not an address");
        assertThatThrownBy(() -> run(directory, "put-owner", "acme", "61", "a@example.com", "teams=t9"))
                .hasMessageContaining("there is no team t9");
        assertThatThrownBy(() -> run(directory, "put-owner", "acme", "61", "a@example.com", "colour=red"))
                .hasMessageContaining("unknown option colour=red");
        assertThatThrownBy(() -> run(directory, "archive-owner", "acme", "61")).hasMessageContaining("no owner 61");
        assertThat(directory.owner("61")).isEmpty();
    }
}
