package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.FlowlineJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls a running local runtime's HTTP API with the development token, as a user would. */
final class LocalApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalRuntime runtime;

    LocalApi(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    /** The answer's JSON body, after checking its status is {@code expected}. */
    JsonNode call(String method, String path, String body, int expected) {
        try {
            var response = http.send(HttpRequest.newBuilder(runtime.apiUrl().resolve(path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + runtime.devToken())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
            return FlowlineJson.read(response.body(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
