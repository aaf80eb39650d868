package dev.flowline.aws.emulator;

import dev.flowline.aws.AwsClients;
import org.junit.jupiter.api.Assumptions;

import java.util.List;
import java.util.Optional;

/**
 * An emulated AWS account the cloud-wiring tests run against: moto's server, or LocalStack in Docker.
 * Test classes run once on each ({@code @MethodSource("dev.flowline.aws.emulator.AwsEmulator#all")}).
 */
public sealed interface AwsEmulator permits Moto, LocalStack {

    static List<AwsEmulator> all() {
        return List.of(Moto.fromEnvironment(), LocalStack.INSTANCE);
    }

    /** Why this emulator cannot run here, if it cannot. */
    Optional<String> unavailableBecause();

    /** Clears everything earlier tests left, so each test starts from an empty account. */
    void reset();

    AwsClients clients();

    /** Skips the calling test, with the reason, when this emulator cannot run here (call it from the constructor). */
    default void assumeAvailable() {
        unavailableBecause().ifPresent(Assumptions::abort);
    }
}
