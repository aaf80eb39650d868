package dev.flowline.aws.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsClients;

import java.net.URI;
import java.util.Optional;

/** moto's server on {@code AWS_ENDPOINT_URL}, as {@code .ci/run} starts it. */
public final class Moto implements AwsEmulator {

    private final Optional<URI> endpoint;

    private Moto(Optional<URI> endpoint) {
        this.endpoint = endpoint;
    }

    public static Moto fromEnvironment() {
        return new Moto(Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")).filter(url -> !url.isBlank())
                .map(URI::create));
    }

    @Override
    public Optional<String> unavailableBecause() {
        return endpoint.isPresent() ? Optional.empty() : Optional.of("AWS_ENDPOINT_URL is not set: the moto run of "
                + "the cloud-wiring tests needs moto's server (python3 -m moto.server -p PORT), which .ci/run starts");
    }

    @Override
    public void reset() {
        EmulatorApi.post(endpoint.orElseThrow().resolve("/moto-api/reset"));
    }

    @Override
    public AwsClients clients() {
        return AwsClients.emulatorAt(endpoint.orElseThrow());
    }

    public URI endpoint() {
        return endpoint.orElseThrow();
    }

    /** Everything moto holds, by service, e.g. sent mail under {@code ses}. */
    public JsonNode data() {
        return EmulatorApi.get(endpoint.orElseThrow().resolve("/moto-api/data.json"));
    }

    @Override
    public String toString() {
        return "moto";
    }
}
