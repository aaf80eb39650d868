package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.json.HostileJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented limits (docs/api.md, "Limits"), each at its edge: the limit is accepted, one more refused. */
@ExtendWith(EmbeddedAws.class)
class HostileApiLimitsTest {

    private static final String CONTACTS = "/crm/v3/objects/contacts";
    private static final String FLOWS = "/automation/v4/flows";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void aPropertyValueOfTheMaximumLengthIsStoredOneCharacterMoreIsRefused(EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);
        String longest = "x".repeat(ContactWrites.MAX_VALUE_LENGTH);

        Api.Answer stored = hostile.call("POST", CONTACTS, Map.of(), contact(Map.of("note", longest)));
        Api.Answer refused = refusedWithNothingWritten(hostile, CONTACTS, contact(Map.of("note", longest + "x")));

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.body().path("properties").path("note").asText()).hasSize(ContactWrites.MAX_VALUE_LENGTH);
        assertThat(refused.body().path("errors").findValuesAsText("in")).containsExactly("/properties/note");
    }

    @Test
    void moreThanTheMaximumNumberOfPropertiesInOneWriteIsRefused(EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);

        Api.Answer stored = hostile.call("POST", CONTACTS, Map.of(), contact(properties(ContactWrites.MAX_PROPERTIES)));
        Api.Answer refused = refusedWithNothingWritten(hostile, CONTACTS,
                contact(properties(ContactWrites.MAX_PROPERTIES + 1)));

        assertThat(stored.status()).isEqualTo(201);
        assertThat(refused.body().path("errors").findValuesAsText("in")).containsExactly("/properties");
    }

    @Test
    void anEmailLongerThanAnAddressCanBeIsRefused(EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);

        Api.Answer refused = refusedWithNothingWritten(hostile, CONTACTS,
                contact(Map.of("email", "a".repeat(5_000) + "@example.com")));

        assertThat(refused.body().path("errors").findValuesAsText("in")).containsExactly("/properties/email");
    }

    @Test
    void idsAndEmailsTooLongToBeKeysAreClientErrors(EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);
        String flow = hostile.call("POST", FLOWS, Map.of(), HostileApi.FLOW).body().path("id").asText();
        String list = hostile.call("POST", "/crm/v3/lists", Map.of(),
                "{\"name\":\"Leads\",\"objectTypeId\":\"0-1\",\"processingType\":\"MANUAL\"}")
                .body().path("list").path("listId").asText();
        String id = "9".repeat(5_000);
        String email = "a".repeat(5_000) + "@example.com";
        Map<String, String> requests = Map.of(
                "/events/v3/send", "{\"eventName\":\"pe1_x\",\"email\":\"" + email + "\"}",
                "/events/v3/send ", "{\"eventName\":\"pe1_x\",\"objectId\":\"" + id + "\"}",
                CONTACTS + "/batch/read", "{\"inputs\":[{\"id\":\"" + id + "\"}]}",
                CONTACTS + "/batch/read ", "{\"idProperty\":\"email\",\"inputs\":[{\"id\":\"" + email + "\"}]}",
                FLOWS + "/batch/read", "{\"inputs\":[{\"flowId\":\"" + id + "\"}]}",
                "/flowline/v1/flows/" + flow + "/enrollments", "{\"contactId\":\"" + id + "\"}",
                "/flowline/v1/ses-events", "{\"eventType\":\"Open\",\"mail\":{\"destination\":[\"" + email
                        + "\"],\"timestamp\":\"2026-03-02T09:00:00Z\"}}");

        requests.forEach((path, body) -> assertThat(hostile.call("POST", path.strip(), Map.of(), body).status())
                .as(path).isBetween(200, 499));
        assertThat(hostile.call("PUT", "/crm/v3/lists/" + list + "/memberships/add", Map.of(),
                "[\"" + id + "\"]").status()).isBetween(200, 499);
    }

    @Test
    void aContactTooLargeToStoreIsRefused(EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);
        var random = new java.util.Random(1);
        var properties = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < 12; i++) {
            var value = new StringBuilder();
            random.ints(ContactWrites.MAX_VALUE_LENGTH, '!', '~').forEach(c -> value.append((char) c));
            properties.put("p" + i, value.toString());
        }

        Api.Answer answer = hostile.call("POST", CONTACTS, Map.of(), contact(properties));

        assertThat(answer.status()).isEqualTo(413);
    }

    @Test
    void aBodyOverOneMebibyteInUtf8IsRefusedWithA413(EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);
        String twoByteCharacters = "é".repeat(ApiHandler.MAX_BODY_BYTES / 2);

        Api.Answer refused = hostile.call("POST", CONTACTS, Map.of(), contact(Map.of("note", twoByteCharacters)));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body().path("category").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aPathParameterOverTheMaximumLengthIsRefused(EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);

        Api.Answer longest = hostile.call("GET", FLOWS + "/" + "1".repeat(Router.MAX_PARAMETER_LENGTH), Map.of(), null);
        Api.Answer refused = hostile.call("GET", FLOWS + "/" + "1".repeat(Router.MAX_PARAMETER_LENGTH + 1), Map.of(),
                null);

        assertThat(longest.status()).isEqualTo(404);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("in")).containsExactly("flowId");
    }

    @Test
    void aFlowWithMoreThan500ActionsIsRefused(EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);
        ObjectNode flow = flow();
        ArrayNode actions = flow.putArray("actions");
        for (int i = 1; i <= 501; i++) {
            ObjectNode delay = actions.addObject().put("type", "SINGLE_CONNECTION").put("actionId", String.valueOf(i))
                    .put("actionTypeVersion", 0).put("actionTypeId", "0-1");
            delay.putObject("fields").put("delta", "1").put("time_unit", "DAYS");
            if (i < 501) {
                delay.putObject("connection").put("edgeType", "STANDARD").put("nextActionId", String.valueOf(i + 1));
            }
        }

        Api.Answer refused = refusedWithNothingWritten(hostile, FLOWS, flow.toString());

        assertThat(refused.body().path("errors").findValuesAsText("in")).containsExactly("/actions");
    }

    @Test
    void aFilterNestedMoreThan20LevelsIsRefusedAtTheTooDeepBranch(EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);
        ObjectNode branch = NODES.objectNode().put("filterBranchType", "AND").put("filterBranchOperator", "AND");
        branch.putArray("filterBranches");
        branch.putArray("filters").addObject().put("filterType", "CONSTANT").put("shouldAccept", true);
        for (int level = 2; level <= 21; level++) {
            ObjectNode outer = NODES.objectNode().put("filterBranchType", "OR").put("filterBranchOperator", "OR");
            outer.putArray("filters");
            outer.putArray("filterBranches").add(branch);
            branch = outer;
        }
        ObjectNode flow = flow();
        flow.set("goalFilterBranch", branch);

        Api.Answer refused = refusedWithNothingWritten(hostile, FLOWS, flow.toString());

        assertThat(refused.body().path("errors").findValuesAsText("in"))
                .containsExactly("/goalFilterBranch" + "/filterBranches/0".repeat(20));
    }

    @Test
    void aWrongTypeAtAnyLevelOfAFlowIsRefusedWithNothingWritten(EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);
        ObjectNode flow = flow();
        flow.remove("nextAvailableActionId"); // the API sets it, whatever the body says
        List<JsonNode> wrong = HostileJson.eachValueReplaced(flow, value -> value.isContainerNode()
                ? TextNode.valueOf("x") : NODES.objectNode().put("wrong", true));

        assertThat(wrong).hasSizeGreaterThan(30).allSatisfy(body -> {
            Api.Answer refused = refusedWithNothingWritten(hostile, FLOWS, body.toString());
            assertThat(refused.body().path("errors").findValuesAsText("in")).as(body.toString()).isNotEmpty();
        });
    }

    private static Api.Answer refusedWithNothingWritten(HostileApi hostile, String path, String body) {
        Map<String, Integer> before = hostile.stored();
        int published = hostile.api.published.size();

        Api.Answer answer = hostile.call("POST", path, Map.of(), body);

        HostileApi.assertClientError(answer, "POST " + path + " " + HostileApi.abbreviated(body));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(hostile.stored()).isEqualTo(before);
        assertThat(hostile.api.published).hasSize(published);
        return answer;
    }

    private static ObjectNode flow() {
        return (ObjectNode) FlowlineJson.read(HostileApi.FLOW, JsonNode.class);
    }

    private static Map<String, String> properties(int count) {
        var properties = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < count; i++) {
            properties.put("p" + i, "v");
        }
        return properties;
    }

    private static String contact(Map<String, String> properties) {
        ObjectNode body = NODES.objectNode();
        properties.forEach(body.putObject("properties")::put);
        return body.toString();
    }
}
