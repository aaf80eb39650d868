package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.aws.dynamodb.DynamoContactRecycleBin;
import dev.flowline.engine.contact.ContactRecycleBin;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.flowline.aws.SampleFlows.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Shapes of flows read back from HubSpot portals, through the API: accepted at save and kept as they came. */
@ExtendWith(EmbeddedAws.class)
class PortalShapesApiTest {

    private static final String FLOWS = "/automation/v4/flows";
    private static final List<String> SERVER_SET = List.of("id", "revisionId", "createdAt", "updatedAt", "uuid",
            "crmObjectCreationStatus");

    private static String contactFlow(String actions, String extra) {
        return """
                {"type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","isEnabled":false,"name":"Shapes",
                 "startActionId":"1","actions":[%s],"enrollmentCriteria":%s,"timeWindows":[],"blockedDates":[],
                 "customProperties":{},"suppressionListIds":[],"canEnrollFromSalesforce":false%s}"""
                .formatted(actions, SampleFlows.listBased(SampleFlows.CUSTOMER), extra);
    }

    @Test
    void nextAvailableActionIdIsKeptAsGivenAndNeverGoesBack(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);

        var created = api.post(FLOWS, contactFlow(marketingEmail("1", "2", "a") + "," + marketingEmail("2", null, "b"),
                ",\"nextAvailableActionId\":\"9\""));
        assertThat(created.body().path("nextAvailableActionId").asText()).isEqualTo("9");

        ObjectNode edited = (ObjectNode) created.body().deepCopy();
        edited.remove("nextAvailableActionId");
        var updated = api.put(FLOWS + "/" + created.body().path("id").asText(), edited.toString());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("nextAvailableActionId").asText()).isEqualTo("9");
    }

    @Test
    void webhookToLocalhostIsAcceptedAtSaveWhereFlowlineWebhookHttpHostsAllowsIt(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws); // its deployment allows plain http to 127.0.0.1 and localhost

        for (String url : List.of("http://localhost:8080/hook", "http://127.0.0.1:9/hook")) {
            assertThat(api.post(FLOWS, contactFlow(SampleFlows.webhook("1", null, url), "")).status()).as(url)
                    .isEqualTo(201);
        }
        var refused = api.post(FLOWS, contactFlow(SampleFlows.webhook("1", null, "http://example.com/hook"), ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("in").asText()).isEqualTo("/actions/0/webhookUrl");
    }

    @Test
    void platformFlowIsKeptLosslesslyAndCannotBeTurnedOn(EmbeddedAws.Environment aws) throws IOException {
        var api = new FlowApi(aws);
        ObjectNode platform = (ObjectNode) FlowlineJson.mapper().readTree(resource("flows/platform-flow.json"));
        platform.put("isEnabled", false);

        var created = api.post(FLOWS, platform.toString());

        assertThat(created.status()).isEqualTo(201);
        assertThat(withoutServerSet(api.get(FLOWS + "/" + created.body().path("id").asText()).body()))
                .isEqualTo(withoutServerSet(platform));
        platform.put("isEnabled", true);
        var enabled = api.post(FLOWS, platform.toString());
        assertThat(enabled.status()).isEqualTo(400);
        assertThat(enabled.body().path("errors").get(0).path("in").asText()).isEqualTo("/isEnabled");
        assertThat(enabled.body().path("errors").get(0).path("message").asText())
                .contains("PLATFORM_FLOW", "cannot be turned on");
    }

    @Test
    void aContactDeletedByTheDeleteContactActionReads404UntilRestored(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        String id = api.post("/crm/v3/objects/contacts",
                "{\"properties\":{\"email\":\"spam@example.com\",\"firstname\":\"Spam\"}}").body().path("id").asText();

        assertThat(api.engine.engine().contactRecycling().delete(id, null)).isTrue();

        assertThat(api.get("/crm/v3/objects/contacts/" + id).status()).isEqualTo(404);
        var restored = api.post("/flowline/v1/contacts/" + id + "/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.body().path("properties").path("firstname").asText()).isEqualTo("Spam");
        assertThat(api.get("/crm/v3/objects/contacts/" + id).status()).isEqualTo(200);
        assertThat(api.post("/flowline/v1/contacts/" + id + "/restore", null).status()).isEqualTo(404);
    }

    @Test
    void theHourlySweepErasesContactsDeletedMoreThanNinetyDaysAgo(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        String old = api.post("/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"old@example.com\"}}")
                .body().path("id").asText();
        String recent = api.post("/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"new@example.com\"}}")
                .body().path("id").asText();
        var recycling = api.engine.engine().contactRecycling();
        recycling.delete(old, null);
        recycling.delete(recent, null);
        var bin = new DynamoContactRecycleBin(aws.clients().dynamoDb(), aws.config().tables(), api.engine.account());
        bin.put(bin.find(old).orElseThrow().contact(), FlowApi.NOW.minus(ContactRecycleBin.RETENTION).minusSeconds(60));

        int erased = api.engine.recycleBinSweep(new AwsEngines(api.engine)).run();

        assertThat(erased).isEqualTo(1);
        assertThat(bin.find(old)).isEmpty();
        assertThat(bin.find(recent)).isPresent();
    }

    private static JsonNode withoutServerSet(JsonNode flow) {
        ObjectNode copy = (ObjectNode) flow.deepCopy();
        SERVER_SET.forEach(copy::remove);
        return copy;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PortalShapesApiTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
