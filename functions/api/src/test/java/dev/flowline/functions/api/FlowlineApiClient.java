package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.engine.json.FlowlineJson;

/** Calls the API handler as API Gateway does, for Flowline's own endpoints' tests. */
final class FlowlineApiClient {

    record Reply(int status, JsonNode body) {
    }

    private final ApiHandler handler;
    private final String token;

    FlowlineApiClient(AwsEngine engine) {
        this.handler = new ApiHandler(engine);
        this.token = engine.apiTokens().issue(engine.account(), "test");
    }

    Reply get(String path) {
        return call("GET", path, null);
    }

    Reply post(String path, String body) {
        return call("POST", path, body);
    }

    Reply delete(String path) {
        return call("DELETE", path, null);
    }

    /** {@code path} may end with a query string of {@code name=value} pairs, not encoded. */
    Reply call(String method, String path, String body) {
        int query = path.indexOf('?');
        var parameters = new java.util.HashMap<String, String>();
        if (query >= 0) {
            for (String pair : path.substring(query + 1).split("&")) {
                parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath(query < 0 ? path : path.substring(0, query))
                .withQueryStringParameters(parameters)
                .withBody(body)
                .withHeaders(java.util.Map.of("authorization", "Bearer " + token))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("test-request")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        return new Reply(response.getStatusCode(), response.getBody() == null ? MissingNode.getInstance()
                : FlowlineJson.read(response.getBody(), JsonNode.class));
    }
}
