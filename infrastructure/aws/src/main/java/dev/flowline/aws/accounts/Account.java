package dev.flowline.aws.accounts;

import java.util.regex.Pattern;

/**
 * The account that owns a stored item or a message. Every key the stores write begins with the account id and
 * {@code #} ({@link #key}), so a store built for one account neither reads nor overwrites another's items,
 * whatever ids a caller gives it. Account ids are lower-case letters, digits and hyphens, which keeps the
 * separator out of them: {@code a#b} can only be account {@code a}'s item {@code b}.
 */
public record Account(String id) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Account {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an account id is 1 to 63 lower-case letters, digits and hyphens, "
                    + "beginning with a letter or digit: " + id);
        }
    }

    /** The stored form of {@code localKey}: {@code <account>#<localKey>}. */
    public String key(String localKey) {
        return id + "#" + localKey;
    }

    /** What every key of this account begins with. */
    public String prefix() {
        return id + "#";
    }

    /** The key as the account knows it: {@code storedKey} without the account prefix. */
    public String strip(String storedKey) {
        if (!storedKey.startsWith(prefix())) {
            throw new IllegalStateException("the key " + storedKey + " is not account " + id + "'s");
        }
        return storedKey.substring(prefix().length());
    }

    @Override
    public String toString() {
        return id;
    }
}
