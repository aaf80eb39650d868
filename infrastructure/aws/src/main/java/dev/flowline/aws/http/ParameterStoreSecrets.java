package dev.flowline.aws.http;

import dev.flowline.aws.AwsJsonApi;

import java.util.Map;
import java.util.Optional;

/**
 * Secrets from SSM Parameter Store: the secret named {@code my-api} is the parameter {@code <prefix>my-api}
 * (a {@code SecureString}, decrypted). A parameter that does not exist is not configured; any other failure is
 * thrown, so that the step is retried. The call is SSM's {@code GetParameter} on {@link AwsJsonApi}.
 */
public final class ParameterStoreSecrets implements SecretSource {

    private final AwsJsonApi ssm;
    private final String prefix;

    public ParameterStoreSecrets(AwsJsonApi ssm, String prefix) {
        this.ssm = ssm;
        this.prefix = prefix;
    }

    @Override
    public Optional<String> secret(String name) {
        AwsJsonApi.Answer answer = ssm.call("GetParameter", Map.of("Name", prefix + name, "WithDecryption", true));
        if (answer.status() == 200) {
            return Optional.of(answer.body().path("Parameter").path("Value").asText()).filter(value -> !value.isEmpty());
        }
        if ("ParameterNotFound".equals(answer.errorType())) {
            return Optional.empty();
        }
        // the error's message may quote the request; its type and status say enough
        throw new IllegalStateException("Parameter Store refused GetParameter: " + answer.status() + " "
                + answer.errorType());
    }
}
