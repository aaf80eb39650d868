package dev.flowline.aws.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps what another {@link SecretSource} answered for a while, on the injected clock, so that a busy webhook
 * does not read its secret on every call: a rotated or newly created secret is seen within the time to live.
 * An absent secret is kept too, so a misconfigured webhook does not hammer the store. Kept by account and name:
 * one account's entry never answers for another's.
 */
public final class CachedSecrets implements SecretSource {

    private record Kept(Optional<String> value, Instant until) {
    }

    private final SecretSource source;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<SecretName, Kept> kept = new ConcurrentHashMap<>();

    public CachedSecrets(SecretSource source, Duration timeToLive, Clock clock) {
        this.source = source;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public Optional<String> secret(SecretName name) {
        Instant now = clock.instant();
        Kept current = kept.get(name);
        if (current != null && now.isBefore(current.until())) {
            return current.value();
        }
        Optional<String> value = source.secret(name);
        kept.put(name, new Kept(value, now.plus(timeToLive)));
        return value;
    }
}
