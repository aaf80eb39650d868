package dev.flowline.aws.http;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

import java.util.Optional;

/**
 * Secrets from SSM Parameter Store: the secret named {@code my-api} is the parameter {@code <prefix>my-api}
 * (a {@code SecureString}, decrypted). A parameter that does not exist is not configured; any other failure is
 * thrown, so that the step is retried.
 */
public final class ParameterStoreSecrets implements SecretSource {

    private final SsmClient ssm;
    private final String prefix;

    public ParameterStoreSecrets(SsmClient ssm, String prefix) {
        this.ssm = ssm;
        this.prefix = prefix;
    }

    @Override
    public Optional<String> secret(String name) {
        try {
            return Optional.ofNullable(ssm.getParameter(get -> get.name(prefix + name).withDecryption(true))
                    .parameter().value()).filter(value -> !value.isEmpty());
        } catch (ParameterNotFoundException missing) {
            return Optional.empty();
        }
    }
}
