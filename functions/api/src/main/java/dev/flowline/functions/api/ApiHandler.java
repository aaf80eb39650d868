package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.accounts.ApiTokens;
import dev.flowline.aws.dynamodb.StorageLimits;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.aws.lambda.LogSafe;
import dev.flowline.aws.lambda.SnapStartPriming;
import dev.flowline.engine.Engine;
import dev.flowline.engine.json.FlowlineJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP API (API Gateway HTTP API, payload 2.0): HubSpot's paths and JSON, answered by route groups.
 * Errors have HubSpot's shape {@code {status, message, correlationId, category, errors[]}}.
 * <p>
 * The web console is served at {@code /console} ({@link ConsoleAssets}). Every other request but the OpenAPI
 * document and the health check carries {@code Authorization: Bearer <token>}, a token of {@link ApiTokens}: it
 * names the account, whose engine and routes serve the request, within the account's request limit
 * ({@link ApiRateLimit}).
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Bodies larger than this are refused with a 413 before they are read. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json;charset=utf-8");
    private static final Set<String> PUBLIC_PATHS = Set.of(OpenApiRoutes.PATH, "/health");
    private static final String BEARER = "Bearer ";
    /** The routers of the accounts served lately, like their engines. */
    private static final int CACHED_ROUTERS = 64;

    private final AwsEngines engines;
    private final List<Routes> extraRoutes;
    private final ApiTokens tokens;
    private final ApiRateLimit rateLimit;
    private final ConsoleAssets console = new ConsoleAssets();
    private final Map<Account, Router> routers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Account, Router> eldest) {
            return size() > CACHED_ROUTERS;
        }
    };

    public ApiHandler() {
        this(SnapStartPriming.registered(AwsEngine.fromEnvironment()));
    }

    public ApiHandler(AwsEngine engine) {
        this(engine, List.of());
    }

    /** With {@code extraRoutes} besides the API's own, such as the local runtime's outbox. */
    public ApiHandler(AwsEngine engine, List<Routes> extraRoutes) {
        this(engine, extraRoutes, engine.config().apiRateLimit());
    }

    /** With {@code requestsPerTenSeconds} for each account instead of the configured limit. */
    ApiHandler(AwsEngine engine, List<Routes> extraRoutes, int requestsPerTenSeconds) {
        this.engines = new AwsEngines(engine);
        this.extraRoutes = List.copyOf(extraRoutes);
        this.tokens = engine.apiTokens();
        this.rateLimit = new ApiRateLimit(requestsPerTenSeconds, engine.clock());
    }

    /** The routes of {@code account}, on its engine. */
    private synchronized Router router(Account account) {
        return routers.computeIfAbsent(account, a -> router(engines.of(a).engine(), extraRoutes));
    }

    /** The routes, on the engine's ports and services: what a request may reach. */
    static Router router(Engine engine, List<Routes> extraRoutes) {
        var router = new Router();
        router.get("/health", request -> ApiResponse.ok("{\"status\":\"ok\"}"));
        for (Routes routes : List.<Routes>of(new FlowRoutes(engine), new ContactRoutes(engine),
                new ListRoutes(engine), new EventRoutes(engine), new FlowlineRoutes(engine),
                new JourneyRoutes(engine), new OwnerRoutes(engine), new NotificationRoutes(engine),
                new OpenApiRoutes(), new CrmObjectRoutes(engine), new EmailTemplateRoutes(engine))) {
            routes.register(router);
        }
        extraRoutes.forEach(routes -> routes.register(router));
        return router;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HandlerLogs.around(context, () -> {
            String correlationId = ApiRequests.correlationId(event);
            Map<String, String> limitHeaders = Map.of();
            try {
                ApiRequest request = ApiRequests.of(event, correlationId);
                if (ConsoleAssets.serves(request.path())) {
                    return console.answer(request.method(), request.path());
                }
                Router router;
                if (PUBLIC_PATHS.contains(request.path())) {
                    router = router(engines.config().defaultAccount());
                } else {
                    Account account = authenticate(request);
                    ApiRateLimit.Decision decision = rateLimit.request(account.id());
                    limitHeaders = decision.headers();
                    if (!decision.allowed()) {
                        return response(429, throttledBody(correlationId), limitHeaders);
                    }
                    router = router(account);
                }
                if (tooLarge(request.body())) {
                    throw new ApiException(413, "PAYLOAD_TOO_LARGE",
                            "the body is larger than " + MAX_BODY_BYTES + " bytes", List.of());
                }
                ApiResponse response = router.dispatch(request);
                return response(response.status(), response.body(), limitHeaders);
            } catch (ApiException e) {
                return response(e.status(), errorBody(e, correlationId), limitHeaders);
            } catch (DynamoDbException e) {
                Optional<ApiException> refused = StorageLimits.refusal(e).map(refusal ->
                        new ApiException(refusal.status(), refusal.category(), refusal.message(), List.of()));
                return refused.isPresent()
                        ? response(refused.get().status(), errorBody(refused.get(), correlationId), limitHeaders)
                        : internalError(e, correlationId, limitHeaders);
            } catch (RuntimeException e) {
                return internalError(e, correlationId, limitHeaders);
            }
        });
    }

    /** An unexpected failure: logged without what it quotes (see {@link LogSafe}), answered in HubSpot's shape. */
    private static APIGatewayV2HTTPResponse internalError(RuntimeException e, String correlationId,
                                                          Map<String, String> limitHeaders) {
        if (LOG.isDebugEnabled()) {
            LOG.error("request {} failed", correlationId, e);
        } else {
            LOG.error("request {} failed: {}", correlationId, LogSafe.describe(e));
        }
        var failure = new ApiException(500, "INTERNAL_ERROR",
                "the request failed on the server; quote its correlationId when reporting it", List.of());
        return response(500, errorBody(failure, correlationId), limitHeaders);
    }

    /** The account of the request's bearer token; a 401 without a valid one. */
    private Account authenticate(ApiRequest request) {
        String authorization = request.headers().getOrDefault("authorization", "");
        String token = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : "";
        return (token.isEmpty() ? Optional.<Account>empty() : tokens.authenticate(token))
                .orElseThrow(() -> new ApiException(401, "INVALID_AUTHENTICATION",
                        "Authentication credentials not found. This API supports private app access tokens: send "
                                + "Authorization: Bearer <token>.", List.of()));
    }

    /** HubSpot's answer when the ten-secondly limit is reached. */
    private static String throttledBody(String correlationId) {
        return FlowlineJson.mapper().createObjectNode()
                .put("status", "error")
                .put("message", "You have reached your ten_secondly_rolling limit.")
                .put("errorType", "RATE_LIMIT")
                .put("correlationId", correlationId)
                .put("policyName", "TEN_SECONDLY_ROLLING")
                .toString();
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
            e.errors().forEach(error -> {
                var item = errors.addObject().put("message", error.message()).put("in", error.in());
                if (error.code() != null) {
                    item.put("code", error.code());
                }
            });
        }
        return body.toString();
    }

    private static APIGatewayV2HTTPResponse response(int status, String body, Map<String, String> extraHeaders) {
        var headers = new HashMap<>(JSON);
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body).build();
    }
}
