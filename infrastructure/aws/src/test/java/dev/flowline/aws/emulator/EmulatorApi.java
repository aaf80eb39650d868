package dev.flowline.aws.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.FlowlineJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls to an emulator's own HTTP API (resetting it, reading what it holds), beside the AWS APIs. */
final class EmulatorApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EmulatorApi() {
    }

    static void post(URI uri) {
        call(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static JsonNode get(URI uri) {
        return FlowlineJson.read(call(HttpRequest.newBuilder(uri).GET()), JsonNode.class);
    }

    private static String call(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(built.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the emulator does not answer at " + built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
