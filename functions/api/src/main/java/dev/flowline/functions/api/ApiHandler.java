package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.engine.json.FlowlineJson;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API (API Gateway HTTP API, payload 2.0). For now: {@code GET /health} and
 * {@code GET /automation/v4/flows/{flowId}}; anything else is a 404. Errors have HubSpot's shape
 * {@code {status, message, correlationId, category}}.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Pattern FLOW = Pattern.compile("/automation/v4/flows/([^/]+)");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json;charset=utf-8");

    private final AwsEngine engine;

    public ApiHandler() {
        this(AwsEngine.fromEnvironment());
    }

    public ApiHandler(AwsEngine engine) {
        this.engine = engine;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return HandlerLogs.around(context, () -> route(request));
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent request) {
        String method = request.getRequestContext() == null || request.getRequestContext().getHttp() == null
                ? "GET" : request.getRequestContext().getHttp().getMethod();
        String path = request.getRawPath() == null ? "/" : request.getRawPath();
        if (!"GET".equals(method)) {
            return error(request, 405, "METHOD_NOT_ALLOWED", method + " is not supported on " + path);
        }
        if (path.equals("/health")) {
            return response(200, "{\"status\":\"ok\"}");
        }
        Matcher flow = FLOW.matcher(path);
        if (flow.matches()) {
            String flowId = flow.group(1);
            return engine.flows().find(flowId)
                    .map(found -> response(200, found.toJson()))
                    .orElseGet(() -> error(request, 404, "OBJECT_NOT_FOUND", "Could not find flow " + flowId));
        }
        return error(request, 404, "OBJECT_NOT_FOUND", "No route for " + path);
    }

    private static APIGatewayV2HTTPResponse error(APIGatewayV2HTTPEvent request, int status, String category,
                                                  String message) {
        String correlationId = request.getRequestContext() != null && request.getRequestContext().getRequestId() != null
                ? request.getRequestContext().getRequestId() : UUID.randomUUID().toString();
        var body = FlowlineJson.mapper().createObjectNode()
                .put("status", "error")
                .put("message", message)
                .put("correlationId", correlationId)
                .put("category", category);
        return response(status, body.toString());
    }

    private static APIGatewayV2HTTPResponse response(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(JSON).withBody(body).build();
    }
}
