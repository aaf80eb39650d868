package dev.flowline.aws.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsJsonApi;

import dev.flowline.aws.iam.Permissions;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Secrets from an AWS secret store, one {@link AwsJsonApi} call each: Secrets Manager (account {@code acme}'s
 * secret named {@code my-api} is the secret {@code <prefix>acme/webhooks/my-api}, its current string) or SSM
 * Parameter Store (the parameter {@code <prefix>acme/webhooks/my-api}, a {@code SecureString}, decrypted). A secret that does not exist is not configured; any
 * other failure (throttling, access) is thrown, so that the step is retried.
 */
public final class StoredSecrets implements SecretSource {

    /** The AWS calls it makes: one store or the other, as the deployment chooses. */
    public static final Permissions PERMISSIONS = Permissions.on("secretsmanager:secret:flowline/*/webhooks/*", "secretsmanager:GetSecretValue")
            .and("ssm:parameter/flowline/*/webhooks/*", "ssm:GetParameter");

    private final AwsJsonApi api;
    private final String prefix;
    private final String store;
    private final String operation;
    private final Function<String, Map<String, Object>> input;
    private final Function<JsonNode, JsonNode> value;
    private final String notFound;

    private StoredSecrets(AwsJsonApi api, String prefix, String store, String operation,
                          Function<String, Map<String, Object>> input, Function<JsonNode, JsonNode> value,
                          String notFound) {
        this.api = api;
        this.prefix = prefix;
        this.store = store;
        this.operation = operation;
        this.input = input;
        this.value = value;
        this.notFound = notFound;
    }

    public static StoredSecrets secretsManager(AwsJsonApi api, String prefix) {
        return new StoredSecrets(api, prefix, "Secrets Manager", "GetSecretValue", name -> Map.of("SecretId", name),
                body -> body.path("SecretString"), "ResourceNotFoundException");
    }

    public static StoredSecrets parameterStore(AwsJsonApi api, String prefix) {
        return new StoredSecrets(api, prefix, "Parameter Store", "GetParameter",
                name -> Map.of("Name", name, "WithDecryption", true), body -> body.path("Parameter").path("Value"),
                "ParameterNotFound");
    }

    @Override
    public Optional<String> secret(SecretName name) {
        AwsJsonApi.Answer answer = api.call(operation, input.apply(name.under(prefix)));
        if (answer.status() == 200) {
            return Optional.of(value.apply(answer.body()).asText()).filter(secret -> !secret.isEmpty());
        }
        if (notFound.equals(answer.errorType())) {
            return Optional.empty();
        }
        // the error's message may quote the request; its type and status say enough
        throw new IllegalStateException(store + " refused " + operation + ": " + answer.status() + " "
                + answer.errorType());
    }
}
