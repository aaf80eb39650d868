package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.dynamodb.FlowlineTables;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The API on embedded AWS under hostile requests: every route it serves, and a census of what it stored. */
final class HostileApi {

    /** No single request, however hostile, may take longer. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** A valid flow. */
    static final String FLOW = """
            {"type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","isEnabled":false,"name":"Welcome",
             "startActionId":"1","nextAvailableActionId":"2",
             "enrollmentCriteria":{"type":"LIST_BASED","shouldReEnroll":false,"listFilterBranch":{
               "filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
                {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[
                  {"filterType":"PROPERTY","property":"lifecyclestage",
                   "operation":{"operationType":"ENUMERATION","operator":"IS_ANY_OF","values":["lead"]}}]}]}},
             "actions":[{"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-1",
                         "fields":{"delta":"1","time_unit":"DAYS"}}]}""";

    final Api api;
    private final EmbeddedAws.Environment aws;

    HostileApi(EmbeddedAws.Environment aws) {
        this.aws = aws;
        this.api = new Api(aws);
    }

    /** Each route as {@code "METHOD template"}, caught from a handler by an extra route group. */
    List<String> endpoints() {
        return ApiHandler.router(api.engine.engine(), List.of()).endpoints();
    }

    /** Calls the handler, bounded in time; the answer must not be a server error, nor an exception (a 500). */
    Api.Answer call(String method, String path, Map<String, String> query, String body) {
        String request = method + " " + path + " " + query + " with " + abbreviated(body);
        Api.Answer answer;
        try {
            answer = assertTimeoutPreemptively(BOUND, () -> api.call(method, path, query, body), request);
        } catch (RuntimeException e) {
            throw new AssertionError(request + " threw, which API Gateway answers with a 500", e);
        }
        assertThat(answer.status()).as(request).isLessThan(500);
        return answer;
    }

    /** The number of items in each table: equal before and after a refused request when nothing was written. */
    Map<String, Integer> stored() {
        FlowlineTables tables = aws.config().tables();
        var counts = new TreeMap<String, Integer>();
        try (var dynamo = aws.clients().dynamoDb()) {
            for (String table : List.of(tables.flows(), tables.contacts(), tables.enrolments(), tables.history(),
                    tables.metrics(), tables.effects(), tables.lists())) {
                counts.put(table, dynamo.scan(s -> s.tableName(table).select("COUNT")).count());
            }
        }
        return counts;
    }

    /** HubSpot's error shape, each error naming where it is: a JSON Pointer into the body, or a query parameter. */
    static void assertClientError(Api.Answer answer, String request) {
        assertThat(answer.status()).as(request).isBetween(400, 499);
        JsonNode body = answer.body();
        assertThat(body.path("status").asText()).as(request).isEqualTo("error");
        assertThat(body.path("message").asText()).as(request).isNotBlank();
        assertThat(body.path("category").asText()).as(request).isNotBlank();
        assertThat(body.path("errors")).as(request).allSatisfy(error -> assertThat(error.path("in").textValue())
                .as(request).matches("(/[^/]*)*|[A-Za-z]+"));
    }

    static String abbreviated(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "... (" + body.length() + ")";
    }
}
