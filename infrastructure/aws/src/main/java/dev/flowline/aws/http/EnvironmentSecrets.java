package dev.flowline.aws.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets from the function's configuration: the secret named {@code my-api.key} is the environment variable
 * {@code FLOWLINE_SECRET_MY_API_KEY}. For local development; a deployment reads them from AWS Secrets Manager or
 * SSM Parameter Store ({@link SecretSources}).
 */
public final class EnvironmentSecrets implements SecretSource {

    static final String PREFIX = "FLOWLINE_SECRET_";

    private final Map<String, String> env;

    public EnvironmentSecrets(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static EnvironmentSecrets fromEnvironment() {
        return new EnvironmentSecrets(System.getenv());
    }

    static String variable(String secretName) {
        return PREFIX + secretName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    @Override
    public Optional<String> secret(String name) {
        return Optional.ofNullable(env.get(variable(name))).filter(value -> !value.isEmpty());
    }
}
