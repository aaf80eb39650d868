package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.StaleRevisionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalDynamoDb.class)
class DynamoFlowStoreTest {

    private static final Account ACCOUNT = new Account("a1");

    private static Flow flow(String id, boolean enabled, String revisionId, String name) {
        return Flow.parse("""
                {"id":"%s","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","isEnabled":%s,%s
                 "name":"%s","startActionId":"1","nextAvailableActionId":"2",
                 "actions":[{"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-5",
                             "fields":{"property_name":"lifecyclestage","value":{"type":"STATIC_VALUE","staticValue":"lead"}}}],
                 "enrollmentCriteria":{"type":"MANUAL","shouldReEnroll":false},
                 "someFieldHubSpotAddsLater":{"kept":[1.50, "as is"]}}
                """.formatted(id, enabled, revisionId == null ? "" : "\"revisionId\":\"" + revisionId + "\",", name));
    }

    @Test
    void aNewFlowIsSavedAsRevisionOneAndReadBackLosslessly(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoFlowStore(dynamo, tables, ACCOUNT);

        Flow saved = store.save(flow("100", true, null, "Welcome"));

        assertThat(saved.revisionId()).isEqualTo("1");
        assertThat(store.find("100")).contains(saved);
        assertThat(store.find("100").orElseThrow().toJson()).isEqualTo(saved.toJson()).contains("\"kept\":[1.50,\"as is\"]");
    }

    @Test
    void eachSaveKeepsTheEarlierRevisions(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoFlowStore(dynamo, tables, ACCOUNT);
        store.save(flow("100", true, null, "Welcome"));

        Flow second = store.save(flow("100", true, "1", "Welcome, renamed"));

        assertThat(second.revisionId()).isEqualTo("2");
        assertThat(store.find("100").orElseThrow().name()).isEqualTo("Welcome, renamed");
        assertThat(store.revisions("100")).extracting(Flow::revisionId, Flow::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "Welcome"),
                        org.assertj.core.groups.Tuple.tuple("2", "Welcome, renamed"));
        assertThat(store.revision("100", "1").orElseThrow().name()).isEqualTo("Welcome");
        assertThat(store.revision("100", "3")).isEmpty();
    }

    @Test
    void aFlowIsParsedOncePerRevisionAndReadEveryTime(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoFlowStore(dynamo, tables, ACCOUNT);
        var other = new DynamoFlowStore(dynamo, tables, ACCOUNT);
        store.save(flow("100", true, null, "Welcome"));
        Flow first = store.find("100").orElseThrow();

        assertThat(store.find("100")).get().isSameAs(first);
        other.save(flow("100", true, "1", "Hello"));
        assertThat(store.find("100")).get().as("an edit through another instance")
                .extracting(Flow::name, Flow::revisionId).containsExactly("Hello", "2");
        other.delete("100");
        assertThat(store.find("100")).isEmpty();
    }

    @Test
    void savingOnTopOfAStaleRevisionFails(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoFlowStore(dynamo, tables, ACCOUNT);
        store.save(flow("100", true, null, "Welcome"));
        store.save(flow("100", true, "1", "Edited by one user"));

        assertThatThrownBy(() -> store.save(flow("100", true, "1", "Edited by another user")))
                .isInstanceOf(StaleRevisionException.class).hasMessageContaining("revision 1");
        assertThat(store.find("100").orElseThrow().name()).isEqualTo("Edited by one user");
        assertThat(store.revisions("100")).hasSize(2);
    }

    @Test
    void creatingAFlowThatExistsFails(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoFlowStore(dynamo, tables, ACCOUNT);
        store.save(flow("100", true, null, "Welcome"));

        assertThatThrownBy(() -> store.save(flow("100", false, null, "Another")))
                .isInstanceOf(StaleRevisionException.class);
    }

    @Test
    void onlyEnabledFlowsAreListedAsEnabled(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoFlowStore(dynamo, tables, ACCOUNT);
        store.save(flow("1", true, null, "On"));
        store.save(flow("2", false, null, "Off"));
        store.save(flow("3", true, null, "Turned off"));
        store.save(flow("3", false, "1", "Turned off"));

        assertThat(store.enabledFlows()).extracting(Flow::id).containsExactly("1");
    }

    @Test
    void deletingAFlowRemovesItAndItsRevisions(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoFlowStore(dynamo, tables, ACCOUNT);
        store.save(flow("100", true, null, "Welcome"));
        store.save(flow("100", true, "1", "Welcome"));

        store.delete("100");

        assertThat(store.find("100")).isEmpty();
        assertThat(store.revisions("100")).isEmpty();
        assertThat(store.enabledFlows()).isEmpty();
    }
}
