package dev.flowline.aws.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per destination host: at most {@code perSecond} calls a second, with bursts of as many. The
 * buckets live in this process, so the limit holds per function instance, not across all of them.
 */
final class DestinationRateLimiter {

    private final int perSecond;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    DestinationRateLimiter(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Takes a token for the host: zero when the call may go now, otherwise how long until a token is free. */
    Duration acquire(String host) {
        return buckets.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Bucket(perSecond, clock.millis()))
                .take(clock.millis());
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Duration take(long now) {
            tokens = Math.min(perSecond, tokens + Math.max(0, now - refilledAt) * perSecond / 1000.0);
            refilledAt = Math.max(refilledAt, now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((1 - tokens) * 1000 / perSecond));
        }
    }
}
