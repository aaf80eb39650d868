package dev.flowline.aws.emulator;

import dev.flowline.aws.AwsClients;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.util.Optional;

/**
 * LocalStack in Docker, started once per test JVM on first use; Testcontainers removes it when the JVM ends.
 * Pinned to the last image that runs without a LocalStack account.
 */
final class LocalStack implements AwsEmulator {

    static final LocalStack INSTANCE = new LocalStack();

    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.14.0");

    private LocalStackContainer container;

    private LocalStack() {
    }

    @Override
    public Optional<String> unavailableBecause() {
        return DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
                : Optional.of("Docker is not available: the LocalStack run of the cloud-wiring tests is skipped; "
                        + "CI runs them on moto's server");
    }

    @Override
    public void reset() {
        EmulatorApi.post(endpoint().resolve("/_localstack/state/reset"));
    }

    @Override
    public AwsClients clients() {
        return AwsClients.emulatorAt(endpoint());
    }

    private synchronized URI endpoint() {
        if (container == null) {
            container = new LocalStackContainer(IMAGE).withServices("events", "scheduler", "sqs");
            container.start();
        }
        return container.getEndpoint();
    }

    @Override
    public String toString() {
        return "LocalStack";
    }
}
