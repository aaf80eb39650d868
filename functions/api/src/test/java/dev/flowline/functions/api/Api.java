package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Calls the API handler as API Gateway would, and records what the engine published (or refuses it, when told). */
final class Api {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    record Published(String contactId, Set<String> properties, ActivityEvent activity) {
    }

    record Answer(int status, JsonNode body) {
    }

    /** The events published, but the contacts' "created" events, which are in {@link #created}. */
    final List<Published> published = new ArrayList<>();
    final List<Published> created = new ArrayList<>();
    /** How many of the next events the bus refuses, as EventBridge refuses entries it cannot take. */
    int refusals;
    final AwsEngine engine;
    private final ApiHandler handler;
    private final String token;

    Api(EmbeddedAws.Environment aws) {
        this(aws, UnaryOperator.identity());
    }

    /** With the engine's ports (mailer, webhooks...) changed by {@code ports}. */
    Api(EmbeddedAws.Environment aws, UnaryOperator<AwsEngine.Builder> ports) {
        this.engine = ports.apply(aws.engine().clock(Clock.fixed(NOW, ZoneOffset.UTC))).events(new EngineEvents() {
            @Override
            public void activity(String contactId, ActivityEvent event) {
                refuseWhenTold();
                (StandardEvents.OBJECT_CREATED.equals(event.eventTypeId()) ? created : published)
                        .add(new Published(contactId, Set.of(), event));
            }

            @Override
            public void propertiesChanged(String contactId, Set<String> properties) {
                refuseWhenTold();
                published.add(new Published(contactId, Set.copyOf(properties), null));
            }
        }).build();
        this.handler = new ApiHandler(engine);
        this.token = engine.apiTokens().issue(engine.account(), "test");
    }

    private void refuseWhenTold() {
        if (refusals > 0) {
            refusals--;
            throw new IllegalStateException("the bus refused 1 of 1 events");
        }
    }

    Answer call(String method, String path, String body) {
        return call(method, path, Map.of(), body);
    }

    Answer call(String method, String path, Map<String, String> query, String body) {
        var event = new APIGatewayV2HTTPEvent();
        event.setRawPath(path);
        event.setQueryStringParameters(query);
        event.setBody(body);
        event.setHeaders(Map.of("authorization", "Bearer " + token));
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRequestId("test-request");
        event.setRequestContext(context);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        return new Answer(response.getStatusCode(), response.getBody() == null ? null
                : FlowlineJson.read(response.getBody(), JsonNode.class));
    }

    /** Creates a contact with {@code email} and returns its id. */
    String contact(String email) {
        Answer created = call("POST", "/crm/v3/objects/contacts",
                "{\"properties\":{\"email\":\"" + email + "\",\"lifecyclestage\":\"lead\"}}");
        return created.body().path("id").asText();
    }
}
