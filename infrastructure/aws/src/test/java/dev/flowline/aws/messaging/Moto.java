package dev.flowline.aws.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsClients;
import dev.flowline.engine.json.FlowlineJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** moto's server on {@code AWS_ENDPOINT_URL}, as {@code .ci/run} starts it; test classes using it are {@link RequiresMoto}. */
final class Moto {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI endpoint;

    private Moto(URI endpoint) {
        this.endpoint = endpoint;
    }

    static Optional<URI> endpoint() {
        return Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")).filter(url -> !url.isBlank()).map(URI::create);
    }

    /** The server, with its state cleared. */
    static Moto start() {
        var moto = new Moto(endpoint().orElseThrow());
        moto.call(HttpRequest.newBuilder(moto.endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        return moto;
    }

    AwsClients clients() {
        return AwsClients.emulatorAt(endpoint);
    }

    /** Everything moto holds, by service, e.g. sent mail under {@code ses}. */
    JsonNode data() {
        return FlowlineJson.read(call(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).GET()),
                JsonNode.class);
    }

    private String call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("moto's server does not answer at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
