package dev.flowline.aws.http;

import dev.flowline.aws.accounts.Account;

import java.util.Optional;

/**
 * What the webhooks of one account are authenticated with: that account's {@code AUTH_KEY} secrets, and the key
 * that signs its {@code SIGNATURE} webhooks, so that a receiver can tell accounts apart.
 *
 * @param secrets the secrets of every account (shared, so that their cache is); only {@code account}'s are named
 */
public record WebhookCredentials(Account account, SecretSource secrets, SigningKeySource signingKey) {

    /** The secret {@code name} of this account; a name that is not a plain name is refused. */
    Optional<String> secret(String name) {
        return secrets.secret(new SecretName(account, name));
    }
}
