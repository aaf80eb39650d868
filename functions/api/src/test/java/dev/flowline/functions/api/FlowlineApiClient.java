package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.engine.json.FlowlineJson;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** {@code path} may end with a query string, which goes where API Gateway puts it. */
    Reply call(String method, String path, String body) {
        int query = path.indexOf('?');
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath(query < 0 ? path : path.substring(0, query))
                .withRawQueryString(query < 0 ? "" : path.substring(query + 1))
                .withQueryStringParameters(query < 0 ? null : parameters(path.substring(query + 1)))
                .withBody(body)
                .withHeaders(Map.of("authorization", "Bearer " + token))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("test-request")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        return new Reply(response.getStatusCode(), response.getBody() == null ? MissingNode.getInstance()
                : FlowlineJson.read(response.getBody(), JsonNode.class));
    }

    private static Map<String, String> parameters(String query) {
        var parameters = new LinkedHashMap<String, String>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1),
                    StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
