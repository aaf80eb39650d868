package dev.flowline.aws.http;

import dev.flowline.aws.accounts.Account;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secret an {@code AUTH_KEY} webhook of {@code account} names ({@code authSettings.secretName}). The stores
 * keep each account's secrets under its own name ({@link #under}), so whatever name a webhook gives, it reaches
 * only its own account's secrets. A name is a plain name, never a path: letters, digits, {@code .}, {@code _} and
 * {@code -} (what both Secrets Manager and Parameter Store accept), so it cannot climb out of the account's
 * folder nor be refused by one store and read by the other.
 */
public record SecretName(Account account, String name) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public SecretName {
        Objects.requireNonNull(account, "account");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a secret name is 1 to 128 letters, digits, '.', '_' and '-': "
                    + name);
        }
    }

    /** Its name in a store whose names begin with {@code prefix}: {@code <prefix><account>/webhooks/<name>}. */
    public String under(String prefix) {
        return prefix + account.id() + "/webhooks/" + name;
    }

    @Override
    public String toString() {
        return name;
    }
}
