package dev.flowline.aws.http;

import java.util.Optional;

/**
 * Where the secrets that {@code AUTH_KEY} webhooks name ({@code authSettings.secretName}) come from, each account's
 * apart ({@link SecretName}). Values are never logged nor written into a step's outcome.
 */
public interface SecretSource {

    Optional<String> secret(SecretName name);
}
