package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class ApiAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = NOW;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static APIGatewayV2HTTPResponse get(ApiHandler handler, String path, String authorization) {
        var headers = new HashMap<String, String>();
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return handler.handleRequest(APIGatewayV2HTTPEvent.builder().withRawPath(path).withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("r-1")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").build())
                        .build())
                .build(), null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        return FlowlineJson.read(response.getBody(), JsonNode.class);
    }

    @Test
    void aRequestWithoutAValidTokenIsA401InHubSpotsShape(EmbeddedAws.Environment aws) {
        AwsEngine engine = aws.engine().build();
        var handler = new ApiHandler(engine);
        String revoked = engine.apiTokens().issue(engine.account(), "old");
        engine.apiTokens().revoke(engine.account(), "old");

        for (String authorization : new String[]{null, "", "Bearer ", "Bearer pat-fl-unknown", "Basic abc",
                "Bearer " + revoked}) {
            APIGatewayV2HTTPResponse response = get(handler, "/automation/v4/flows", authorization);

            assertThat(response.getStatusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(body(response).path("status").asText()).isEqualTo("error");
            assertThat(body(response).path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
            assertThat(body(response).path("message").asText()).startsWith("Authentication credentials not found");
            assertThat(body(response).path("correlationId").asText()).isNotEmpty();
        }
    }

    @Test
    void anIssuedTokenOpensEveryRouteAndTheOpenApiDocumentNeedsNone(EmbeddedAws.Environment aws) {
        AwsEngine engine = aws.engine().build();
        var handler = new ApiHandler(engine);
        String token = engine.apiTokens().issue(engine.account(), "ci");

        assertThat(get(handler, "/automation/v4/flows", "Bearer " + token).getStatusCode()).isEqualTo(200);
        assertThat(get(handler, "/automation/v4/flows", "bearer " + token).getStatusCode()).isEqualTo(200);
        assertThat(get(handler, "/openapi.json", null).getStatusCode()).isEqualTo(200);
        assertThat(get(handler, "/health", null).getStatusCode()).isEqualTo(200);
        // the console's pages sign in themselves, and send the token on each API request
        assertThat(get(handler, "/console", null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void tokensAreStoredOnlyAsHashes(EmbeddedAws.Environment aws) {
        AwsEngine engine = aws.engine().build();
        String token = engine.apiTokens().issue(engine.account(), "ci");

        var items = aws.clients().dynamoDb().scan(b -> b.tableName(aws.config().tables().tokens())).items();

        assertThat(items).hasSize(1);
        assertThat(items.toString()).doesNotContain(token).doesNotContain(token.substring(7, 30));
        assertThat(engine.apiTokens().of(engine.account())).extracting(t -> t.name()).containsExactly("ci");
    }

    @Test
    void beyondTheTenSecondLimitAnAccountGets429WithHubSpotsBodyHeadersAndRetryAfter(EmbeddedAws.Environment aws) {
        var clock = new TestClock();
        AwsEngine engine = aws.engine().clock(clock).build();
        var handler = new ApiHandler(engine, List.of(), 3);
        String token = "Bearer " + engine.apiTokens().issue(engine.account(), "ci");
        AwsEngine other = engine.forAccount(new dev.flowline.aws.accounts.Account("other"));
        String otherToken = "Bearer " + other.apiTokens().issue(other.account(), "ci");

        for (int i = 0; i < 3; i++) {
            var allowed = get(handler, "/automation/v4/flows", token);
            assertThat(allowed.getStatusCode()).isEqualTo(200);
            assertThat(allowed.getHeaders()).containsEntry("X-HubSpot-RateLimit-Max", "3")
                    .containsEntry("X-HubSpot-RateLimit-Remaining", String.valueOf(2 - i))
                    .containsEntry("X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
            clock.advance(Duration.ofSeconds(2));
        }
        APIGatewayV2HTTPResponse throttled = get(handler, "/automation/v4/flows", token);

        assertThat(throttled.getStatusCode()).isEqualTo(429);
        assertThat(body(throttled).path("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(body(throttled).path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(body(throttled).path("status").asText()).isEqualTo("error");
        assertThat(throttled.getHeaders()).containsEntry("Retry-After", "4")
                .containsEntry("X-HubSpot-RateLimit-Remaining", "0");
        assertThat(get(handler, "/automation/v4/flows", otherToken).getStatusCode())
                .as("another account has its own limit").isEqualTo(200);

        clock.advance(Duration.ofSeconds(4));
        assertThat(get(handler, "/automation/v4/flows", token).getStatusCode()).isEqualTo(200);
    }

    @Test
    void aTokenTakenByAnotherAccountCannotBeRegisteredAgain(EmbeddedAws.Environment aws) {
        AwsEngine engine = aws.engine().build();
        engine.apiTokens().register(engine.account(), "dev", "pat-fl-fixed");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.apiTokens()
                        .register(new dev.flowline.aws.accounts.Account("other"), "dev", "pat-fl-fixed"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
