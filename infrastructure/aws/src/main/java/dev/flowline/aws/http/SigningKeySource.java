package dev.flowline.aws.http;

import java.util.Optional;

/**
 * The key that signs one account's {@code SIGNATURE} webhooks. Read at every signed call, so a rotated key signs
 * the very next webhook; empty: the webhook goes unsigned.
 */
@FunctionalInterface
public interface SigningKeySource {

    Optional<String> current();
}
