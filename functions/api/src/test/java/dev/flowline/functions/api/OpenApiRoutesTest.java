package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class OpenApiRoutesTest {

    private final JsonNode document = OpenApiRoutes.document();

    /** The router of a real handler. */
    private static Router handlerRouter(EmbeddedAws.Environment aws) {
        return ApiHandler.router(aws.engine().build().engine(), List.of());
    }

    @Test
    void everyRouteTheApiRegistersIsInTheDocumentWithItsMethod(EmbeddedAws.Environment aws) {
        List<String> endpoints = handlerRouter(aws).endpoints();

        assertThat(endpoints).hasSizeGreaterThan(30);
        assertThat(endpoints).allSatisfy(endpoint -> assertThat(operation(endpoint).isObject())
                .as(endpoint + " is described").isTrue());
    }

    @Test
    void everyOperationOfTheDocumentExceptLocalOnesIsARoute(EmbeddedAws.Environment aws) {
        List<String> endpoints = handlerRouter(aws).endpoints();
        var described = new ArrayList<String>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> operation.getValue().has("responses"))
                .filter(operation -> !operation.getValue().path("x-flowline-local-only").asBoolean())
                .forEach(operation -> described.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(described).containsExactlyInAnyOrderElementsOf(endpoints);
    }

    @Test
    void getOpenApiJsonAnswersTheDocument(EmbeddedAws.Environment aws) {
        APIGatewayV2HTTPEvent request = EventLoader.loadApiGatewayHttpEvent("../../events/api-get-flow.json");
        request.setRawPath("/openapi.json");

        APIGatewayV2HTTPResponse response = new ApiHandler(aws.engine().build()).handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(FlowlineJson.read(response.getBody(), JsonNode.class)).isEqualTo(document);
    }

    private JsonNode operation(String endpoint) {
        String[] methodAndPath = endpoint.split(" ", 2);
        return document.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
    }
}
