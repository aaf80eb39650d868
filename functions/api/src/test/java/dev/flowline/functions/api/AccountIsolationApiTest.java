package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.InAppNotification;
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
    private static final String TASK_OF_CONTACT = "{\"properties\":{\"hs_task_subject\":\"Call\"},\"associations\":"
            + "[{\"to\":{\"id\":\"{contactId}\"},\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\","
            + "\"associationTypeId\":204}]}]}";
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
            Map.entry("GET /crm/v3/lists/records/0-1/{contactId}/memberships", ""),
            Map.entry("POST /flowline/v1/contacts/{contactId}/activities",
                    "{\"type\":\"PAGE_VIEW\",\"properties\":{\"hs_url\":\"https://example.com/\"}}"),
            Map.entry("POST /flowline/v1/flows/{flowId}/dry-run", "{\"contacts\":[]}"),
            Map.entry("POST /flowline/v1/flows/{flowId}/enrollments", "{\"contactId\":\"{contactId}\"}"),
            Map.entry("GET /flowline/v1/flows/{flowId}/enrollments", ""),
            Map.entry("GET /flowline/v1/flows/{flowId}/positions", ""),
            Map.entry("GET /flowline/v1/flows/{flowId}/activation", ""),
            Map.entry("DELETE /flowline/v1/flows/{flowId}/enrollments/{contactId}", ""),
            Map.entry("GET /flowline/v1/flows/{flowId}/metrics", ""),
            Map.entry("GET /flowline/v1/enrollments/{enrolmentId}", ""),
            Map.entry("GET /flowline/v1/enrollments/{enrolmentId}/history", ""),
            Map.entry("GET /flowline/v1/contacts/{contactId}/history", ""),
            Map.entry("POST /flowline/v1/contacts/{contactId}/restore", ""),
            Map.entry("GET /flowline/v1/journeys/{journeyId}", ""),
            Map.entry("DELETE /flowline/v1/journeys/{journeyId}", ""),
            Map.entry("PUT /flowline/v1/journeys/{journeyId}/draft", JOURNEY),
            Map.entry("POST /flowline/v1/journeys/{journeyId}/publish", ""),
            Map.entry("GET /flowline/v1/journeys/{journeyId}/versions", ""),
            Map.entry("GET /flowline/v1/journeys/{journeyId}/versions/{version}", ""),
            Map.entry("POST /flowline/v1/journeys/{journeyId}/versions/{version}/restore", ""),
            Map.entry("GET /flowline/v1/journeys/{journeyId}/metrics", ""),
            Map.entry("GET /flowline/v1/journeys/{journeyId}/contacts/{contactId}/log", ""),
            Map.entry("POST /crm/v3/objects/{objectType}", TASK_OF_CONTACT),
            Map.entry("GET /crm/v3/objects/{objectType}", ""),
            Map.entry("POST /crm/v3/objects/{objectType}/batch/read", "{\"inputs\":[{\"id\":\"{objectId}\"}]}"),
            Map.entry("GET /crm/v3/objects/{objectType}/{objectId}", ""),
            Map.entry("PATCH /crm/v3/objects/{objectType}/{objectId}", "{\"properties\":{\"hs_task_subject\":\"Eve\"}}"),
            Map.entry("DELETE /crm/v3/objects/{objectType}/{objectId}", ""),
            Map.entry("GET /crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/{toObjectType}", ""),
            Map.entry("PUT /crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/{toObjectType}/{toObjectId}",
                    "[]"),
            Map.entry("DELETE /crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/{toObjectType}/{toObjectId}",
                    ""),
            Map.entry("GET /crm/v3/owners/{ownerId}", ""),
            Map.entry("PUT /flowline/v1/owners/{ownerId}", "{\"email\":\"eve@example.com\"}"),
            Map.entry("DELETE /flowline/v1/owners/{ownerId}", ""),
            Map.entry("PUT /flowline/v1/teams/{teamId}", "{\"name\":\"Eve's team\"}"),
            Map.entry("GET /flowline/v1/email-templates/{contentId}", ""),
            Map.entry("PUT /flowline/v1/email-templates/{contentId}", "{\"subject\":\"Eve's\",\"text\":\"Eve's\"}"),
            Map.entry("DELETE /flowline/v1/email-templates/{contentId}", ""),
            Map.entry("POST /flowline/v1/email-templates/{contentId}/preview", "{\"contactId\":\"{contactId}\"}"),
            Map.entry("POST /flowline/v1/notifications/{notificationId}/read?userId={ownerId}", ""));
    /**
     * Archiving is idempotent in HubSpot: an unknown contact or record is a 204 too, and B's stay (checked below); a
     * task associated with B's contact is refused (400); listing and batch reading of A's own tasks find none of B's
     * (checked below). Putting an owner, a team or an email template makes A's own, and B's stays (checked below).
     */
    private static final Map<String, Integer> NOT_404 = Map.ofEntries(
            Map.entry("DELETE /crm/v3/objects/contacts/{contactId}", 204),
            Map.entry("DELETE /crm/v3/objects/{objectType}/{objectId}", 204),
            Map.entry("DELETE /crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/{toObjectType}/{toObjectId}", 204),
            Map.entry("POST /crm/v3/objects/{objectType}", 400), Map.entry("GET /crm/v3/objects/{objectType}", 200),
            Map.entry("POST /crm/v3/objects/{objectType}/batch/read", 207),
            Map.entry("PUT /flowline/v1/owners/{ownerId}", 200), Map.entry("PUT /flowline/v1/teams/{teamId}", 200),
            Map.entry("PUT /flowline/v1/email-templates/{contentId}", 200));
    /** The query a route needs besides its ids. */
    private static final Map<String, String> QUERIES = Map.of(
            "POST /flowline/v1/notifications/{notificationId}/read", "?userId={ownerId}");
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
        String task = call(tokenOfB, "POST", "/crm/v3/objects/tasks", TASK_OF_CONTACT.replace("{contactId}", contact))
                .body().path("id").asText();
        call(tokenOfB, "PUT", "/flowline/v1/teams/t1", "{\"name\":\"West\"}");
        call(tokenOfB, "PUT", "/flowline/v1/owners/o1", "{\"email\":\"bob@example.com\",\"teams\":[{\"id\":\"t1\"}]}");
        call(tokenOfB, "PUT", "/flowline/v1/email-templates/welcome", "{\"subject\":\"Hi\",\"text\":\"B's\"}");
        var inbox = engine.forAccount(new Account("beta")).engine().ports().notifier();
        inbox.notify(new InAppNotification("k1", flow, contact, List.of("o1"), List.of(), "APP", "s", "b", Api.NOW));
        idsOfB = Map.ofEntries(Map.entry("contactId", contact), Map.entry("flowId", flow), Map.entry("listId", list),
                Map.entry("revisionId", "1"), Map.entry("enrolmentId", enrolled.body().path("enrolmentId").asText()),
                Map.entry("journeyId", journey), Map.entry("version", "1"), Map.entry("objectType", "tasks"),
                Map.entry("objectId", task), Map.entry("fromObjectType", "contacts"),
                Map.entry("fromObjectId", contact), Map.entry("toObjectType", "tasks"), Map.entry("toObjectId", task),
                Map.entry("ownerId", "o1"), Map.entry("teamId", "t1"), Map.entry("contentId", "welcome"),
                Map.entry("notificationId",
                        inbox.inbox("o1", null, 1).items().getFirst().id()));
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

        List<String> called = withIds.stream().map(endpoint -> endpoint + QUERIES.getOrDefault(endpoint, "")).toList();
        assertThat(BODIES.keySet()).as("every route with an id is tested").containsExactlyInAnyOrderElementsOf(called);
        for (String endpoint : called) {
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
        JsonNode task = call(tokenOfB, "GET", "/crm/v3/objects/tasks/" + idsOfB.get("objectId")
                + "?associations=contacts", null).body();
        assertThat(task.path("properties").path("hs_task_subject").asText()).as("B's task is untouched")
                .isEqualTo("Call");
        assertThat(task.path("associations").path("contacts").path("results")).hasSize(1);
        assertThat(call(tokenOfA, "GET", "/crm/v3/objects/tasks", null).body().path("results")).isEmpty();
        var bob = call(tokenOfB, "GET", "/crm/v3/owners/o1", null).body();
        assertThat(bob.path("email").asText()).as("B's owner is untouched").isEqualTo("bob@example.com");
        assertThat(bob.path("teams").get(0).path("name").asText()).isEqualTo("West");
        assertThat(call(tokenOfB, "GET", "/flowline/v1/notifications?userId=o1", null).body().path("results")
                .get(0).path("read").asBoolean()).isFalse();
        assertThat(call(tokenOfB, "GET", "/flowline/v1/email-templates/welcome", null).body().path("text").asText())
                .as("B's email template is untouched").isEqualTo("B's");
    }

    @Test
    void listingsSearchesAndBatchReadsNeverReturnAnotherAccountsItems() {
        call(tokenOfA, "POST", "/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"grace@example.com\"}}");

        assertThat(call(tokenOfA, "GET", "/automation/v4/flows", null).body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "GET", "/crm/v3/owners", null).body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "GET", "/crm/v3/owners?email=bob@example.com", null).body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "GET", "/flowline/v1/teams", null).body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "GET", "/flowline/v1/notifications?userId=o1", null).body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "GET", "/flowline/v1/journeys", null).body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "GET", "/flowline/v1/email-templates", null).body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "GET", "/crm/v3/objects/contacts", null).body().path("results"))
                .extracting(c -> c.path("properties").path("email").asText()).containsExactly("grace@example.com");
        assertThat(call(tokenOfA, "GET", "/crm/v3/objects/contacts/ada@example.com?idProperty=email", null)
                .status()).isEqualTo(404);
        assertThat(call(tokenOfA, "POST", "/automation/v4/flows/batch/read",
                "{\"inputs\":[{\"flowId\":\"" + idsOfB.get("flowId") + "\"}]}").body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "POST", "/crm/v3/objects/contacts/batch/read",
                "{\"inputs\":[{\"id\":\"" + idsOfB.get("contactId") + "\"}]}").body().path("results")).isEmpty();
        assertThat(call(tokenOfA, "POST", "/crm/v3/objects/tasks/batch/read",
                "{\"inputs\":[{\"id\":\"" + idsOfB.get("objectId") + "\"}]}").body().path("results")).isEmpty();
    }
}
