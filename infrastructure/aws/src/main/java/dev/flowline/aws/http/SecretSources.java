package dev.flowline.aws.http;

import dev.flowline.aws.AwsClients;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link SecretSource} a deployment configures: {@code FLOWLINE_SECRETS_SOURCE} is {@code environment} (the
 * default, {@link EnvironmentSecrets}), {@code secretsmanager} or {@code ssm}; the names are looked up under
 * {@code FLOWLINE_SECRETS_PREFIX} ({@value #DEFAULT_PREFIX} by default for Secrets Manager,
 * {@code /flowline/webhooks/} for SSM) and kept {@code FLOWLINE_SECRETS_TTL_SECONDS} (300) seconds.
 */
public final class SecretSources {

    static final String DEFAULT_PREFIX = "flowline/webhooks/";
    static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(5);

    private SecretSources() {
    }

    public static SecretSource configured(Map<String, String> env, AwsClients clients, Clock clock) {
        String source = env.getOrDefault("FLOWLINE_SECRETS_SOURCE", "environment").strip().toLowerCase(Locale.ROOT);
        String ttl = env.get("FLOWLINE_SECRETS_TTL_SECONDS");
        Duration timeToLive = ttl == null || ttl.isBlank() ? DEFAULT_TIME_TO_LIVE : Duration.ofSeconds(Long.parseLong(ttl));
        return switch (source) {
            case "environment" -> new EnvironmentSecrets(env);
            case "secretsmanager" -> new CachedSecrets(StoredSecrets.secretsManager(clients.secretsManager(),
                    env.getOrDefault("FLOWLINE_SECRETS_PREFIX", DEFAULT_PREFIX)), timeToLive, clock);
            case "ssm" -> new CachedSecrets(StoredSecrets.parameterStore(clients.ssm(),
                    env.getOrDefault("FLOWLINE_SECRETS_PREFIX", "/" + DEFAULT_PREFIX)), timeToLive, clock);
            default -> throw new IllegalArgumentException("FLOWLINE_SECRETS_SOURCE must be environment, secretsmanager "
                    + "or ssm: " + source);
        };
    }
}
