package dev.flowline.aws.http;

import dev.flowline.aws.AwsJsonApi;

import java.util.Map;
import java.util.Optional;

/**
 * Secrets from AWS Secrets Manager: the secret named {@code my-api} is the secret {@code <prefix>my-api}, its
 * current string value. A secret that does not exist is not configured; any other failure (throttling, access)
 * is thrown, so that the step is retried. The call is Secrets Manager's {@code GetSecretValue} on
 * {@link AwsJsonApi}.
 */
public final class SecretsManagerSecrets implements SecretSource {

    private final AwsJsonApi secretsManager;
    private final String prefix;

    public SecretsManagerSecrets(AwsJsonApi secretsManager, String prefix) {
        this.secretsManager = secretsManager;
        this.prefix = prefix;
    }

    @Override
    public Optional<String> secret(String name) {
        AwsJsonApi.Answer answer = secretsManager.call("GetSecretValue", Map.of("SecretId", prefix + name));
        if (answer.status() == 200) {
            return Optional.of(answer.body().path("SecretString").asText()).filter(value -> !value.isEmpty());
        }
        if ("ResourceNotFoundException".equals(answer.errorType())) {
            return Optional.empty();
        }
        // the error's message may quote the request; its type and status say enough
        throw new IllegalStateException("Secrets Manager refused GetSecretValue: " + answer.status() + " "
                + answer.errorType());
    }
}
