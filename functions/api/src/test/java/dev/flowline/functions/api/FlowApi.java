package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/** Calls the API handler as API Gateway would, on an engine with a fixed clock and an activation queue. */
final class FlowApi {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** A status and a JSON body (null for none). */
    record Response(int status, JsonNode body) {
    }

    final AwsEngine engine;
    final String activationQueueUrl;
    private final ApiHandler handler;
    private final String token;

    FlowApi(EmbeddedAws.Environment aws) {
        this(aws, aws.sqs().createQueue(c -> c.queueName(aws.config().tables().flows() + "-activation")).queueUrl());
    }

    private FlowApi(EmbeddedAws.Environment aws, String activationQueueUrl) {
        this.activationQueueUrl = activationQueueUrl;
        this.engine = AwsEngine.builder(aws.config().withActivationQueueUrl(activationQueueUrl), aws.clients())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).events(new NoEvents()).wakeUps(dueAt -> { }).build();
        this.handler = new ApiHandler(engine);
        this.token = engine.apiTokens().issue(engine.account(), "test");
    }

    /** A deployment without the activation queue. */
    static FlowApi withoutActivationQueue(EmbeddedAws.Environment aws) {
        return new FlowApi(aws, null);
    }

    Response get(String path) {
        return call("GET", path, null);
    }

    Response post(String path, String body) {
        return call("POST", path, body);
    }

    Response put(String path, String body) {
        return call("PUT", path, body);
    }

    Response delete(String path) {
        return call("DELETE", path, null);
    }

    /** {@code path} may carry a query string ({@code ?a=1&b=2}). */
    Response call(String method, String path, String body) {
        var event = new APIGatewayV2HTTPEvent();
        int query = path.indexOf('?');
        event.setRawPath(query < 0 ? path : path.substring(0, query));
        if (query >= 0) {
            var parameters = new java.util.HashMap<String, String>();
            for (String pair : path.substring(query + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            event.setQueryStringParameters(parameters);
        }
        event.setBody(body);
        event.setHeaders(Map.of("content-type", "application/json", "authorization", "Bearer " + token));
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRequestId("request-1");
        event.setRequestContext(context);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        return new Response(response.getStatusCode(),
                response.getBody() == null ? null : FlowlineJson.read(response.getBody(), JsonNode.class));
    }

    private static final class NoEvents implements EngineEvents {
        @Override
        public void activity(String contactId, ActivityEvent event) {
        }

        @Override
        public void propertiesChanged(String contactId, Set<String> properties) {
        }
    }
}
