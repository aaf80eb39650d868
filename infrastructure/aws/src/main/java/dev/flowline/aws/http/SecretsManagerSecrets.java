package dev.flowline.aws.http;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.util.Optional;

/**
 * Secrets from AWS Secrets Manager: the secret named {@code my-api} is the secret {@code <prefix>my-api}, its
 * current string value. A secret that does not exist is not configured; any other failure (throttling, access)
 * is thrown, so that the step is retried.
 */
public final class SecretsManagerSecrets implements SecretSource {

    private final SecretsManagerClient secretsManager;
    private final String prefix;

    public SecretsManagerSecrets(SecretsManagerClient secretsManager, String prefix) {
        this.secretsManager = secretsManager;
        this.prefix = prefix;
    }

    @Override
    public Optional<String> secret(String name) {
        try {
            return Optional.ofNullable(secretsManager.getSecretValue(get -> get.secretId(prefix + name)).secretString())
                    .filter(value -> !value.isEmpty());
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        }
    }
}
