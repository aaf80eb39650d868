package dev.flowline.aws.http;

import dev.flowline.aws.AwsClients;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link SecretSource} a deployment configures: {@code FLOWLINE_SECRETS_SOURCE} is {@code environment} (the
 * default, {@link EnvironmentSecrets}), {@code secretsmanager} or {@code ssm}; account {@code acme}'s secret
 * {@code crm-key} is {@code <prefix>acme/webhooks/crm-key}, the prefix {@code FLOWLINE_SECRETS_PREFIX}
 * ({@value #DEFAULT_PREFIX} by default for Secrets Manager, {@code /flowline/} for SSM), and values are kept
 * {@code FLOWLINE_SECRETS_TTL_SECONDS} (300) seconds.
 */
public final class SecretSources {

    static final String DEFAULT_PREFIX = "flowline/";
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
