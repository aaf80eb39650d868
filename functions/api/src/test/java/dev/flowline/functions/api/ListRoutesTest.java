package dev.flowline.functions.api;

import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.contact.ListMembershipEvents;
import dev.flowline.engine.criteria.ListDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class ListRoutesTest {

    private static final String CUSTOMERS = """
            {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
              {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[
                {"filterType":"PROPERTY","property":"lifecyclestage",
                 "operation":{"operationType":"ENUMERATION","operator":"IS_ANY_OF","values":["customer"]}}]}]}""";

    private static String list(String processingType, String filterBranch) {
        return "{\"name\":\"Customers\",\"objectTypeId\":\"0-1\",\"processingType\":\"" + processingType + "\""
                + (filterBranch == null ? "" : ",\"filterBranch\":" + filterBranch) + "}";
    }

    @Test
    void aManualListTakesMembersReportsMissingOnesAndPublishesEachChange(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");
        String listId = api.call("POST", "/crm/v3/lists", list("MANUAL", null)).body().path("list")
                .path("listId").asText();
        api.published.clear();

        var added = api.call("PUT", "/crm/v3/lists/" + listId + "/memberships/add", "[\"" + ada + "\",\"404\"]");
        var members = api.call("GET", "/crm/v3/lists/" + listId + "/memberships", null);

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().path("recordsIdsAdded").get(0).asText()).isEqualTo(ada);
        assertThat(added.body().path("recordIdsMissing").get(0).asText()).isEqualTo("404");
        assertThat(added.body().path("recordIdsRemoved").isArray()).isTrue();
        assertThat(members.body().path("results").get(0).path("recordId").asText()).isEqualTo(ada);
        assertThat(api.engine.engine().ports().contacts().find(ada).orElseThrow().inStaticList(listId)).isTrue();
        var listsOfAda = api.call("GET", "/crm/v3/lists/records/0-1/" + ada + "/memberships", null).body();
        assertThat(listsOfAda.path("results").findValuesAsText("listId")).containsExactly(listId);
        assertThat(listsOfAda.path("total").asInt()).isEqualTo(1);
        assertThat(api.call("GET", "/crm/v3/lists/records/0-1/404/memberships", null).status()).isEqualTo(404);
        assertThat(api.engine.engine().ports().lists().find(listId).orElseThrow().processingType()).isEqualTo(ListDefinition.MANUAL);
        assertThat(api.published).singleElement().satisfies(p ->
                assertThat(p.activity().eventTypeId()).isEqualTo(ListMembershipEvents.TYPE));

        api.call("PUT", "/crm/v3/lists/" + listId + "/memberships/remove", "[\"" + ada + "\"]");
        assertThat(api.engine.engine().ports().contacts().find(ada).orElseThrow().inStaticList(listId)).isFalse();
        assertThat(api.call("GET", "/crm/v3/lists/" + listId + "/memberships", null).body().path("results")).isEmpty();
    }

    @Test
    void anAddWhoseEventTheBusRefusedIsSavedAndItsRepeatPublishesTheEventOnce(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");
        String listId = api.call("POST", "/crm/v3/lists", list("MANUAL", null)).body().path("list")
                .path("listId").asText();
        api.published.clear();
        api.refusals = 1;

        var refused = api.call("PUT", "/crm/v3/lists/" + listId + "/memberships/add", "[\"" + ada + "\"]");
        var repeated = api.call("PUT", "/crm/v3/lists/" + listId + "/memberships/add", "[\"" + ada + "\"]");

        assertThat(refused.status()).isEqualTo(500);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body().path("recordsIdsAdded")).isEmpty();
        assertThat(api.call("GET", "/crm/v3/lists/" + listId + "/memberships", null).body().path("results"))
                .extracting(member -> member.path("recordId").asText()).containsExactly(ada);
        assertThat(api.published).singleElement().satisfies(p ->
                assertThat(p.activity().properties()).containsEntry(ListMembershipEvents.LIST_ID, listId));
        assertThat(api.engine.engine().ports().contacts().pendingEvents(ada)).isEmpty();
    }

    @Test
    void dynamicListMembershipFollowsContactChanges(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");
        String listId = api.call("POST", "/crm/v3/lists", list("DYNAMIC", CUSTOMERS)).body().path("list")
                .path("listId").asText();
        String members = "/crm/v3/lists/" + listId + "/memberships";

        assertThat(api.call("GET", members, null).body().path("results")).isEmpty();
        api.call("PATCH", "/crm/v3/objects/contacts/" + ada, "{\"properties\":{\"lifecyclestage\":\"customer\"}}");
        assertThat(api.call("GET", members, null).body().path("results").get(0).path("recordId").asText())
                .isEqualTo(ada);
        assertThat(api.call("PUT", members + "/add", "[\"" + ada + "\"]").status()).isEqualTo(400);
    }

    @Test
    void aSnapshotListIsFilledOnceAtCreation(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");
        api.call("PATCH", "/crm/v3/objects/contacts/" + ada, "{\"properties\":{\"lifecyclestage\":\"customer\"}}");
        String listId = api.call("POST", "/crm/v3/lists", list("SNAPSHOT", CUSTOMERS)).body().path("list")
                .path("listId").asText();

        api.call("PATCH", "/crm/v3/objects/contacts/" + ada, "{\"properties\":{\"lifecyclestage\":\"lead\"}}");

        assertThat(api.call("GET", "/crm/v3/lists/" + listId + "/memberships", null).body().path("results")
                .get(0).path("recordId").asText()).isEqualTo(ada);
    }

    @Test
    void anInvalidListListsEveryProblemAndIsNotCreated(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String badFilter = CUSTOMERS.replace("IS_ANY_OF", "IS_SOMETHING");

        var refused = api.call("POST", "/crm/v3/lists",
                "{\"objectTypeId\":\"0-2\",\"processingType\":\"DYNAMIC\",\"filterBranch\":" + badFilter + "}");
        var noFilter = api.call("POST", "/crm/v3/lists", list("DYNAMIC", null));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("in")).contains("/name", "/objectTypeId")
                .anyMatch(in -> in.startsWith("/filterBranch/filterBranches/0/filters/0"));
        assertThat(noFilter.status()).isEqualTo(400);
        assertThat(noFilter.body().path("errors").get(0).path("in").asText()).isEqualTo("/filterBranch");
    }

    @Test
    void aDeletedListIsNotFound(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String listId = api.call("POST", "/crm/v3/lists", list("MANUAL", null)).body().path("list")
                .path("listId").asText();

        assertThat(api.call("GET", "/crm/v3/lists/" + listId, null).status()).isEqualTo(200);
        assertThat(api.call("DELETE", "/crm/v3/lists/" + listId, null).status()).isEqualTo(204);
        assertThat(api.call("GET", "/crm/v3/lists/" + listId, null).status()).isEqualTo(404);
        assertThat(api.call("PUT", "/crm/v3/lists/" + listId + "/memberships/add", "[]").status()).isEqualTo(404);
    }
}
