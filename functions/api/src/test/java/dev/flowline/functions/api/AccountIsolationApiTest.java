package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token of account A never reaches account B's data: every route that takes an id answers 404 for B's ids, and
 * listings and batch reads leave B's items out. The routes come from the router, so a new route with an id and
 * no entry in {@link #BODIES} fails this test until it is given one.
 */
@ExtendWith(EmbeddedAws.class)
class AccountIsolationApiTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String JOURNEY = JourneyRoutesTest.journey("Onboarding",
            SampleFlows.marketingEmail("a1", null, "welcome"), false);
    /** The body each route with an id is called with: a valid one, so that only the id can make it a 404. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("GET /automation/v4/flows/performance/{flowId}", ""),
            Map.entry("POST /automation/v4/flows/{flowId}/preview", "{}"),
            Map.entry("GET /automation/v4/flows/{flowId}", ""),
            Map.entry("PUT /automation/v4/flows/{flowId}", HostileApi.FLOW.replace("}]}", "}],\"revisionId\":\"1\"}")),
            Map.entry("DELETE /automation/v4/flows/{flowId}", ""),
            Map.entry("GET /automation/2026-09-beta/flows/{flowId}/revisions/{revisionId}", ""),
            Map.entry("GET /crm/v3/objects/contacts/{contactId}", ""),
            Map.entry("PATCH /crm/v3/objects/contacts/{contactId}", "{\"properties\":{\"firstname\":\"Eve\"}}"),
            Map.entry("DELETE /crm/v3/objects/contacts/{contactId}", ""),
            Map.entry("GET /crm/v3/lists/{listId}", ""),
            Map.entry("DELETE /crm/v3/lists/{listId}", ""),
            Map.entry("PUT /crm/v3/lists/{listId}/memberships/add", "[\"{contactId}\"]"),
            Map.entry("PUT /crm/v3/lists/{listId}/memberships/remove", "[\"{contactId}\"]"),
            Map.entry("GET /crm/v3/lists/{listId}/memberships", ""),
            Map.entry("POST /flowline/v1/contacts/{contactId}/activities",
                    "{\"type\":\"PAGE_VIEW\",\"properties\":{\"hs_url\":\"https://example.com/\"}}"),
            Map.entry("POST /flowline/v1/flows/{flowId}/dry-run", "{\"contacts\":[]}"),
            Map.entry("POST /flowline/v1/flows/{flowId}/enrollments", "{\"contactId\":\"{contactId}\"}"),
            Map.entry("GET /flowline/v1/flows/{flowId}/enrollments", ""),
            Map.entry("DELETE /flowline/v1/flows/{flowId}/enrollments/{contactId}", ""),
            Map.entry("GET /flowline/v1/flows/{flowId}/metrics", ""),
            Map.entry("GET /flowline/v1/enrollments/{enrolmentId}", ""),
            Map.entry("GET /flowline/v1/enrollments/{enrolmentId}/history", ""),
            Map.entry("GET /flowline/v1/contacts/{contactId}/history", ""),
            Map.entry("GET /flowline/v1/journeys/{journeyId}", ""),
            Map.entry("DELETE /flowline/v1/journeys/{journeyId}", ""),
            Map.entry("PUT /flowline/v1/journeys/{journeyId}/draft", JOURNEY),
            Map.entry("POST /flowline/v1/journeys/{journeyId}/publish", ""),
            Map.entry("GET /flowline/v1/journeys/{journeyId}/versions", ""),
            Map.entry("GET /flowline/v1/journeys/{journeyId}/versions/{version}", ""),
            Map.entry("POST /flowline/v1/journeys/{journeyId}/versions/{version}/restore", ""),
            Map.entry("GET /flowline/v1/journeys/{journeyId}/metrics", ""),
            Map.entry("GET /flowline/v1/journeys/{journeyId}/contacts/{contactId}/log", ""));
    /** Archiving is idempotent in HubSpot: an unknown contact is a 204 too, and B's contact stays (checked below). */
    private static final Map<String, Integer> NOT_404 = Map.of("DELETE /crm/v3/objects/contacts/{contactId}", 204);
    /** Routes whose path parameter names no account data: templates are the same for everyone. */
    private static final List<String> NO_ACCOUNT_DATA = List.of("POST /automation/v4/flows/templates/{templateId}");

    private AwsEngine engine;
    private ApiHandler handler;
    private String tokenOfA;
    private String tokenOfB;
    private Map<String, String> idsOfB;

    private Api.Answer call(String token, String method, String path, String body) {
        int query = path.indexOf('?');
        var event = APIGatewayV2HTTPEvent.builder().withRawPath(query < 0 ? path : path.substring(0, query))
                .withQueryStringParameters(query < 0 ? Map.of() : Map.of(path.substring(query + 1).split("=")[0],
                        path.substring(query + 1).split("=")[1]))
                .withBody(body == null || body.isEmpty() ? null : body)
                .withHeaders(Map.of("authorization", "Bearer " + token))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("r-1")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                        .build())
                .build();
        var response = handler.handleRequest(event, null);
        return new Api.Answer(response.getStatusCode(), response.getBody() == null ? null
                : FlowlineJson.read(response.getBody(), JsonNode.class));
    }

    @BeforeEach
    void twoAccounts(EmbeddedAws.Environment aws) {
        engine = aws.engine().clock(Clock.fixed(Api.NOW, java.time.ZoneOffset.UTC)).build();
        handler = new ApiHandler(engine);
        tokenOfA = engine.apiTokens().issue(new Account("acme"), "test");
        tokenOfB = engine.apiTokens().issue(new Account("beta"), "test");
        String contact = call(tokenOfB, "POST", "/crm/v3/objects/contacts",
                "{\"properties\":{\"email\":\"ada@example.com\",\"firstname\":\"Ada\"}}").body().path("id").asText();
        String flow = call(tokenOfB, "POST", "/automation/v4/flows",
                HostileApi.FLOW.replace("\"isEnabled\":false", "\"isEnabled\":true")).body().path("id").asText();
        String list = call(tokenOfB, "POST", "/crm/v3/lists",
                "{\"name\":\"Leads\",\"objectTypeId\":\"0-1\",\"processingType\":\"MANUAL\"}")
                .body().path("list").path("listId").asText();
        call(tokenOfB, "PUT", "/crm/v3/lists/" + list + "/memberships/add", "[\"" + contact + "\"]");
        Api.Answer enrolled = call(tokenOfB, "POST", "/flowline/v1/flows/" + flow + "/enrollments",
                "{\"contactId\":\"" + contact + "\"}");
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        String journey = call(tokenOfB, "POST", "/flowline/v1/journeys", JOURNEY).body().path("id").asText();
        assertThat(call(tokenOfB, "POST", "/flowline/v1/journeys/" + journey + "/publish", null).status())
                .isEqualTo(200);
        idsOfB = Map.of("contactId", contact, "flowId", flow, "listId", list, "revisionId", "1",
                "enrolmentId", enrolled.body().path("enrolmentId").asText(), "journeyId", journey, "version", "1");
    }

    private String fill(String template) {
        Matcher m = PARAMETER.matcher(template);
        var filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(idsOfB.get(m.group(1))));
        }
        return m.appendTail(filled).toString();
    }

    @Test
    void everyRouteWithAnIdAnswers404ToATokenOfAnotherAccount() {
        List<String> withIds = ApiHandler.router(engine.engine(), List.of()).endpoints().stream()
                .filter(endpoint -> endpoint.contains("{")).filter(endpoint -> !NO_ACCOUNT_DATA.contains(endpoint))
                .toList();

        assertThat(BODIES.keySet()).as("every route with an id is tested").containsExactlyInAnyOrderElementsOf(withIds);
        for (String endpoint : withIds) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            Api.Answer answer = call(tokenOfA, method, fill(endpoint.substring(method.length() + 1)),
                    fill(BODIES.get(endpoint)));

            assertThat(answer.status()).as(endpoint + " " + answer.body())
                    .isEqualTo(NOT_404.getOrDefault(endpoint, 404));
        }
        assertThat(call(tokenOfB, "GET", "/crm/v3/objects/contacts/" + idsOfB.get("contactId"), null)
                .body().path("properties").path("firstname").asText()).as("B's contact is untouched").isEqualTo("Ada");
        assertThat(call(tokenOfB, "GET", "/automation/v4/flows/" + idsOfB.get("flowId"), null).status())
                .isEqualTo(200);
        assertThat(call(tokenOfB, "GET", "/flowline/v1/journeys/" + idsOfB.get("journeyId"), null).status())
                .isEqualTo(200);
        assertThat(call(tokenOfB, "GET", "/crm/v3/lists/" + idsOfB.get("listId") + "/memberships", null)
                .body().path("results")).hasSize(1);
    }

    @Test
    void listingsSearchesAndBatchReadsNeverReturnAnotherAccountsItems() {
        call(tokenOfA, "POST", "/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"grace@example.com\"}}");

        assertThat(call(tokenOfA, "GET", "/automation/v4/flows", null).body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "GET", "/flowline/v1/journeys", null).body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "GET", "/crm/v3/objects/contacts", null).body().path("results"))
                .extracting(c -> c.path("properties").path("email").asText()).containsExactly("grace@example.com");
        assertThat(call(tokenOfA, "GET", "/crm/v3/objects/contacts/ada@example.com?idProperty=email", null)
                .status()).isEqualTo(404);
        assertThat(call(tokenOfA, "POST", "/automation/v4/flows/batch/read",
                "{\"inputs\":[{\"flowId\":\"" + idsOfB.get("flowId") + "\"}]}").body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "POST", "/crm/v3/objects/contacts/batch/read",
                "{\"inputs\":[{\"id\":\"" + idsOfB.get("contactId") + "\"}]}").body().path("results")).isEmpty();
    }
}
