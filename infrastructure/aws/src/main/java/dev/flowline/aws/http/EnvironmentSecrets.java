package dev.flowline.aws.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets from the function's configuration: account {@code acme}'s secret named {@code my-api.key} is the
 * environment variable {@code FLOWLINE_SECRET_ACME__MY_API_KEY} (account and name upper-cased, every other
 * character as {@code _}, the two joined by {@code __}). For local development; a deployment reads them from AWS
 * Secrets Manager or SSM Parameter Store ({@link SecretSources}).
 * <p>
 * The account's part ends at the first {@code __}, so it names one account only if the account's own part has no
 * {@code __} and does not end with {@code _}: an account whose id has two hyphens in a row or ends with one has no
 * secrets here ({@code a--b}'s {@code c} and {@code a}'s {@code b..c} would be one variable).
 */
public final class EnvironmentSecrets implements SecretSource {

    static final String PREFIX = "FLOWLINE_SECRET_";

    private final Map<String, String> env;

    public EnvironmentSecrets(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The variable that holds {@code secret}, if its account can be named by one. */
    static Optional<String> variable(SecretName secret) {
        String account = secret.account().id();
        if (account.contains("--") || account.endsWith("-")) {
            return Optional.empty();
        }
        return Optional.of(PREFIX + upperCase(account) + "__" + upperCase(secret.name()));
    }

    private static String upperCase(String part) {
        return part.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    @Override
    public Optional<String> secret(SecretName name) {
        return variable(name).map(env::get).filter(value -> !value.isEmpty());
    }
}
