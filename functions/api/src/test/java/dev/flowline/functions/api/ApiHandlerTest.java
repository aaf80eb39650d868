package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class ApiHandlerTest {

    private static final String SAMPLE = "../../events/api-get-flow.json";
    /** The token in the sample's Authorization header. */
    private static final String SAMPLE_TOKEN = "pat-fl-sample-token-for-the-events-folder";

    private static AwsEngine engineWithSampleToken(EmbeddedAws.Environment aws) {
        AwsEngine engine = aws.engine().build();
        engine.apiTokens().register(engine.account(), "sample", SAMPLE_TOKEN);
        return engine;
    }

    @Test
    void theGetFlowSampleReturnsTheFlowAsHubSpotWritesIt(EmbeddedAws.Environment aws) {
        AwsEngine engine = engineWithSampleToken(aws);
        engine.engine().ports().flows().save(flow("1001", SampleFlows.MANUAL, null, marketingEmail("1", null, "welcome")));

        APIGatewayV2HTTPResponse response = new ApiHandler(engine).handleRequest(EventLoader.loadApiGatewayHttpEvent(SAMPLE), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = FlowlineJson.read(response.getBody(), JsonNode.class);
        assertThat(body.path("id").asText()).isEqualTo("1001");
        assertThat(body.path("revisionId").asText()).isEqualTo("1");
    }

    @Test
    void anUnknownFlowIsA404InHubSpotsErrorShape(EmbeddedAws.Environment aws) {
        APIGatewayV2HTTPEvent request = EventLoader.loadApiGatewayHttpEvent(SAMPLE);

        APIGatewayV2HTTPResponse response = new ApiHandler(engineWithSampleToken(aws)).handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        JsonNode body = FlowlineJson.read(response.getBody(), JsonNode.class);
        assertThat(body.path("status").asText()).isEqualTo("error");
        assertThat(body.path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(body.path("correlationId").asText()).isEqualTo("JKJaXmPLvHcESHA=");
        assertThat(body.path("message").asText()).contains("1001");
    }

    @Test
    void healthAnswersOk(EmbeddedAws.Environment aws) {
        APIGatewayV2HTTPEvent request = EventLoader.loadApiGatewayHttpEvent(SAMPLE);
        request.setRawPath("/health");

        APIGatewayV2HTTPResponse response = new ApiHandler(aws.engine().build()).handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void anUnexpectedFailureIsA500InHubSpotsErrorShapeWithoutWhatItQuotes(EmbeddedAws.Environment aws) {
        Routes failing = router -> router.get("/failing", request -> {
            throw new IllegalStateException("cannot take jane@example.com");
        });
        APIGatewayV2HTTPEvent request = EventLoader.loadApiGatewayHttpEvent(SAMPLE);
        request.setRawPath("/failing");

        APIGatewayV2HTTPResponse response = new ApiHandler(engineWithSampleToken(aws), List.of(failing))
                .handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        JsonNode body = FlowlineJson.read(response.getBody(), JsonNode.class);
        assertThat(body.path("status").asText()).isEqualTo("error");
        assertThat(body.path("category").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(body.path("correlationId").asText()).isEqualTo("JKJaXmPLvHcESHA=");
        assertThat(response.getBody()).doesNotContain("jane@example.com");
    }
}
