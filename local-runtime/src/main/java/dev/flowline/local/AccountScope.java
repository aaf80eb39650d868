package dev.flowline.local;

import dev.flowline.aws.accounts.Account;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The account whose work the current thread does. The engines of every account share the local runtime's mailer
 * (as they share SES in the cloud, where the account goes with each send); the outbox reads the account from here
 * to write each email into that account's folder. {@link AccountScopedHandler} sets it around each account's
 * messages.
 */
final class AccountScope {

    private final ThreadLocal<Account> current = new ThreadLocal<>();

    /** Runs {@code work} as {@code account}'s, then puts back what was there. */
    <T> T run(Account account, Supplier<T> work) {
        Account before = current.get();
        current.set(account);
        try {
            return work.get();
        } finally {
            if (before == null) {
                current.remove();
            } else {
                current.set(before);
            }
        }
    }

    Optional<Account> current() {
        return Optional.ofNullable(current.get());
    }
}
