package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowline.functions.api.Router;
import dev.flowline.aws.accounts.Account;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiLocalRoutesTest {

    @Test
    void theLocalRuntimesOwnRoutesAreInTheDocumentMarkedLocalOnly() throws IOException {
        JsonNode document;
        try (InputStream in = Router.class.getResourceAsStream("/openapi.json")) {
            document = new ObjectMapper().readTree(in);
        }
        var router = new Router();
        new OutboxRoutes(Path.of("outbox"), request -> new Account("dev")).register(router);
        var endpoints = new ArrayList<>(router.endpoints());
        endpoints.addAll(List.of("GET " + LocalApiServer.CLOCK_PATH, "POST " + LocalApiServer.CLOCK_PATH + "/advance"));

        assertThat(endpoints).allSatisfy(endpoint -> {
            String[] methodAndPath = endpoint.split(" ", 2);
            JsonNode operation = document.path("paths").path(methodAndPath[1])
                    .path(methodAndPath[0].toLowerCase(Locale.ROOT));
            assertThat(operation.path("x-flowline-local-only").asBoolean()).as(endpoint).isTrue();
        });
    }
}
