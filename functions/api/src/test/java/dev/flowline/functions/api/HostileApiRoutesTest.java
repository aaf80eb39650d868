package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.json.HostileJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random, mutated and garbled bodies, odd path parameters and odd query strings at every route of the API.
 * The JSON comes from jqwik's generators, in a jqwik session with a fixed seed so that a failure replays; every
 * answer is a success or a client error in HubSpot's shape, never a server error, and always quick.
 */
@ExtendWith(EmbeddedAws.class)
class HostileApiRoutesTest {

    private static final long SEED = 20_260_302L;
    private static final int REQUESTS_PER_ROUTE = 10;
    private static final Pattern PARAMETER = Pattern.compile("\\{[A-Za-z]+}");
    private static final List<String> NAMES = List.of("properties", "inputs", "id", "email", "name", "eventName",
            "objectId", "occurredAt", "type", "contactId", "objectTypeId", "processingType", "filterBranch",
            "revisionId", "actions", "enrollmentCriteria", "isEnabled", "flowType", "detail", "mail", "eventType");
    private static final List<String> ODD_IDS = List.of("0", "-1", "%00", "a%2Fb", "%F0%9F%99%82", "..",
            "99999999999999999999999999", "x".repeat(2_000), "%25", "%zz", "%", "null");
    private static final List<Map<String, String>> ODD_QUERIES = List.of(Map.of(), Map.of("limit", "-5"),
            Map.of("limit", "abc"), Map.of("limit", "99999999999"), Map.of("after", "%%%"),
            Map.of("after", "eyJ9"), Map.of("idProperty", "phone"), Map.of("properties", ",,,"),
            Map.of("enrollExistingContacts", "maybe"), Map.of("propertiesWithHistory", "email,email"));

    @Test
    void everyRouteAnswersHostileRequestsWithAClientErrorNeverAServerError(EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);
        Map<String, String> ids = seed(hostile.api);
        JqwikSession.run(String.valueOf(SEED), () -> everyRoute(hostile, ids, new Random(SEED)));
    }

    private static void everyRoute(HostileApi hostile, Map<String, String> ids, Random random) {
        for (String endpoint : hostile.endpoints()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            RandomGenerator<String> bodies = bodies(sampleFor(endpoint, ids)).generator(100);
            for (int i = 0; i < REQUESTS_PER_ROUTE; i++) {
                String path = fill(template, ids, random);
                String body = bodies.next(random).value();
                Map<String, String> query = ODD_QUERIES.get(random.nextInt(ODD_QUERIES.size()));
                Api.Answer answer = hostile.call(method, path, query, body);
                if (answer.status() >= 400) {
                    HostileApi.assertClientError(answer, method + " " + path + " " + HostileApi.abbreviated(body));
                }
            }
        }
    }

    /** Random JSON, the route's own sample with one part replaced or a few characters garbled, and oddities. */
    private static Arbitrary<String> bodies(JsonNode sample) {
        return Arbitraries.oneOf(
                HostileJson.values(3, NAMES).map(JsonNode::toString),
                HostileJson.mutated(sample, NAMES).map(JsonNode::toString),
                HostileJson.garbled(sample.toString()),
                Arbitraries.of(null, "", " ", "null", "[]", "{}", "\"x\"", "1e999", "{\"a\":NaN}",
                        "{\"a\":1,\"a\":2}", "\uFEFF{}", "[".repeat(500), "{\"properties\":" + "[".repeat(300)));
    }

    /** One valid contact, flow and list, whose ids path parameters use besides odd ones. */
    private static Map<String, String> seed(Api api) {
        String contact = api.contact("ada@example.com");
        String flow = api.call("POST", "/automation/v4/flows", HostileApi.FLOW).body().path("id").asText();
        String list = api.call("POST", "/crm/v3/lists",
                "{\"name\":\"Leads\",\"objectTypeId\":\"0-1\",\"processingType\":\"MANUAL\"}")
                .body().path("list").path("listId").asText();
        return Map.of("contact", contact, "flow", flow, "list", list);
    }

    private static String fill(String template, Map<String, String> ids, Random random) {
        Matcher m = PARAMETER.matcher(template);
        var path = new StringBuilder();
        while (m.find()) {
            String id = random.nextBoolean() ? List.copyOf(ids.values()).get(random.nextInt(ids.size()))
                    : ODD_IDS.get(random.nextInt(ODD_IDS.size()));
            m.appendReplacement(path, Matcher.quoteReplacement(id.contains("%") ? id
                    : URLEncoder.encode(id, StandardCharsets.UTF_8)));
        }
        return m.appendTail(path).toString();
    }

    /** A valid body for the route, or a generic one holding what the routes read. */
    private static JsonNode sampleFor(String endpoint, Map<String, String> ids) {
        String contact = ids.get("contact");
        String json = switch (endpoint) {
            case "POST /automation/v4/flows", "PUT /automation/v4/flows/{flowId}", "POST /flowline/v1/flows/dry-run" ->
                    HostileApi.FLOW.replace("}]}", "}],\"revisionId\":\"1\"}");
            case "POST /crm/v3/objects/contacts", "PATCH /crm/v3/objects/contacts/{contactId}" ->
                    "{'properties':{'email':'grace@example.com','firstname':'Grace','amount':'12.5'}}";
            case "POST /crm/v3/objects/contacts/batch/create", "POST /crm/v3/objects/contacts/batch/update" ->
                    "{'inputs':[{'id':'" + contact + "','properties':{'email':'linus@example.com'}}]}";
            case "POST /crm/v3/lists" -> "{'name':'Leads','objectTypeId':'0-1','processingType':'DYNAMIC',"
                    + "'filterBranch':{'filterBranchType':'OR','filterBranchOperator':'OR','filters':[],"
                    + "'filterBranches':[]}}";
            case "POST /events/v3/send" -> "{'eventName':'pe1_signup','email':'ada@example.com',"
                    + "'occurredAt':'2026-03-01T10:00:00Z','properties':{'plan':'pro'}}";
            case "POST /flowline/v1/contacts/{contactId}/activities" -> "{'type':'PAGE_VIEW',"
                    + "'properties':{'hs_url':'https://example.com/'}}";
            default -> "{'inputs':[{'id':'" + contact + "'}],'contactId':'" + contact + "','name':'x',"
                    + "'properties':{'a':'b'},'detail':{'eventType':'Open','mail':{'destination':['ada@example.com']}}}";
        };
        return FlowlineJson.read(json.replace('\'', '"'), JsonNode.class);
    }
}
