package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API (API Gateway HTTP API, payload 2.0): HubSpot's paths and JSON, answered by route groups.
 * Errors have HubSpot's shape {@code {status, message, correlationId, category, errors[]}}.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Bodies larger than this are refused with a 413 before they are read. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json;charset=utf-8");

    private final Router router = new Router();

    public ApiHandler() {
        this(AwsEngine.fromEnvironment());
    }

    public ApiHandler(AwsEngine engine) {
        this(engine, List.of());
    }

    /** With {@code extraRoutes} besides the API's own, such as the local runtime's outbox. */
    public ApiHandler(AwsEngine engine, List<Routes> extraRoutes) {
        router.get("/health", request -> ApiResponse.ok("{\"status\":\"ok\"}"));
        for (Routes routes : List.<Routes>of(new FlowRoutes(engine), new ContactRoutes(engine),
                new ListRoutes(engine), new EventRoutes(engine), new FlowlineRoutes(engine),
                new OpenApiRoutes())) {
            routes.register(router);
        }
        extraRoutes.forEach(routes -> routes.register(router));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HandlerLogs.around(context, () -> {
            String correlationId = ApiRequests.correlationId(event);
            try {
                ApiRequest request = ApiRequests.of(event, correlationId);
                if (tooLarge(request.body())) {
                    throw new ApiException(413, "PAYLOAD_TOO_LARGE",
                            "the body is larger than " + MAX_BODY_BYTES + " bytes", List.of());
                }
                ApiResponse response = router.dispatch(request);
                return response(response.status(), response.body());
            } catch (ApiException e) {
                return response(e.status(), errorBody(e, correlationId));
            } catch (DynamoDbException e) {
                ApiException refused = StorageLimits.clientError(e).orElseThrow(() -> e);
                return response(refused.status(), errorBody(refused, correlationId));
            }
        });
    }

    /** Counted in UTF-8 bytes, as API Gateway counts them; a character is never less than a byte. */
    private static boolean tooLarge(String body) {
        return body != null && (body.length() > MAX_BODY_BYTES
                || body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES);
    }

    private static String errorBody(ApiException e, String correlationId) {
        var body = FlowlineJson.mapper().createObjectNode()
                .put("status", "error")
                .put("message", e.getMessage())
                .put("correlationId", correlationId)
                .put("category", e.category());
        if (!e.errors().isEmpty()) {
            var errors = body.putArray("errors");
            e.errors().forEach(error -> errors.addObject().put("message", error.message()).put("in", error.in()));
        }
        return body.toString();
    }

    private static APIGatewayV2HTTPResponse response(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(JSON).withBody(body).build();
    }
}
