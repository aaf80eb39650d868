package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.json.HostileJson;
import dev.flowline.engine.json.Seeded;
import dev.flowline.engine.json.Seeded.Case;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Random, mutated and garbled bodies, odd path parameters and odd query strings at every route of the API, one
 * {@link Seeded} case a request, so that a failure replays; every answer is a success or a client error in
 * HubSpot's shape, never a server error, and always quick. The requests share one store, in which those before a
 * case may have changed what it finds: a case rerun alone replays its request, not always its answer.
 */
@ExtendWith(EmbeddedAws.class)
class HostileApiRoutesTest {

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
    /** Bodies no generator makes, null (no body) among them. */
    private static final List<String> ODD_BODIES = Arrays.asList(null, "", " ", "null", "[]", "{}", "\"x\"",
            "1e999", "{\"a\":NaN}", "{\"a\":1,\"a\":2}", "\uFEFF{}", "[".repeat(500),
            "{\"properties\":" + "[".repeat(300));
    /** Of the requests to each route, those with an odd body: near a quarter, as for each other kind of body. */
    private static final int ODD_BODIES_PER_ROUTE = 3;

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersHostileRequestsWithAClientErrorNeverAServerError(
            EmbeddedAws.Environment aws) {
        var hostile = new HostileApi(aws);
        Map<String, String> ids = seed(hostile.api);
        List<String> endpoints = hostile.endpoints();
        return Seeded.cases(endpoints.size() * REQUESTS_PER_ROUTE).map(c -> {
            String endpoint = endpoints.get(c.index() / REQUESTS_PER_ROUTE);
            var request = new Case<>(c.index(), request(endpoint, ids, c));
            return dynamicTest(endpoint + ", " + c, () -> request.check(r -> send(hostile, r)));
        });
    }

    /** A request to a route: its method, path (parameters filled), query and body. */
    private record Request(String method, String path, Map<String, String> query, String body) {

        @Override
        public String toString() {
            return method + " " + path + " " + query + (body == null ? " without a body"
                    : " with the body " + HostileApi.abbreviated(body));
        }
    }

    /**
     * The first requests to each route take odd bodies in turn, so that each odd body reaches several routes;
     * the others take random JSON, or the route's sample with one part replaced or a few characters garbled.
     */
    private static Request request(String endpoint, Map<String, String> ids, Case<Random> c) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String template = endpoint.substring(endpoint.indexOf(' ') + 1);
        Random random = c.value();
        String path = fill(template, ids, random);
        Map<String, String> query = Seeded.pick(random, ODD_QUERIES);
        JsonNode sample = sampleFor(endpoint, ids);
        int route = c.index() / REQUESTS_PER_ROUTE;
        int nth = c.index() % REQUESTS_PER_ROUTE;
        String body = nth < ODD_BODIES_PER_ROUTE
                ? ODD_BODIES.get((route * ODD_BODIES_PER_ROUTE + nth) % ODD_BODIES.size())
                : switch (random.nextInt(3)) {
                    case 0 -> HostileJson.value(random, 3, NAMES).toString();
                    case 1 -> HostileJson.mutated(random, sample, NAMES).toString();
                    default -> HostileJson.garbled(random, sample.toString());
                };
        return new Request(method, path, query, body);
    }

    private static void send(HostileApi hostile, Request request) {
        Api.Answer answer = hostile.call(request.method(), request.path(), request.query(), request.body());
        if (answer.status() >= 400) {
            HostileApi.assertClientError(answer, request.toString());
        }
    }

    /** One valid contact, flow and list, whose ids path parameters use besides odd ones; in a fixed order. */
    private static Map<String, String> seed(Api api) {
        String contact = api.contact("ada@example.com");
        String flow = api.call("POST", "/automation/v4/flows", HostileApi.FLOW).body().path("id").asText();
        String list = api.call("POST", "/crm/v3/lists",
                "{\"name\":\"Leads\",\"objectTypeId\":\"0-1\",\"processingType\":\"MANUAL\"}")
                .body().path("list").path("listId").asText();
        return new TreeMap<>(Map.of("contact", contact, "flow", flow, "list", list));
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
