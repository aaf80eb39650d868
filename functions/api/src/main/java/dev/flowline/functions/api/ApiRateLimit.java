package dev.flowline.functions.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * HubSpot's "ten-secondly rolling" request limit, per account: at most {@code max} requests in any
 * {@value #WINDOW_MILLIS} ms, on the injected clock. Counted in one function instance: concurrent instances each
 * count their own requests, so an account spread over several may get up to that many times the limit.
 */
final class ApiRateLimit {

    static final long WINDOW_MILLIS = 10_000;
    private static final Duration WINDOW = Duration.ofMillis(WINDOW_MILLIS);

    /** What one request used: whether it may go on, what is left, and when to try again if not. */
    record Decision(boolean allowed, int max, int remaining, Duration retryAfter) {

        Map<String, String> headers() {
            var headers = new HashMap<>(Map.of(
                    "X-HubSpot-RateLimit-Interval-Milliseconds", String.valueOf(WINDOW_MILLIS),
                    "X-HubSpot-RateLimit-Max", String.valueOf(max),
                    "X-HubSpot-RateLimit-Remaining", String.valueOf(remaining)));
            if (!allowed) {
                // whole seconds, rounded up, so a client that waits that long is let in
                long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
                headers.put("Retry-After", String.valueOf(Math.max(1, seconds)));
            }
            return headers;
        }
    }

    private final int max;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    ApiRateLimit(int max, Clock clock) {
        this.max = max;
        this.clock = clock;
    }

    /** Counts a request of account {@code accountId} if the limit allows it. */
    synchronized Decision request(String accountId) {
        Instant now = clock.instant();
        Deque<Instant> requests = recent.computeIfAbsent(accountId, a -> new ArrayDeque<>());
        while (!requests.isEmpty() && !requests.peekFirst().plus(WINDOW).isAfter(now)) {
            requests.removeFirst();
        }
        if (requests.size() >= max) {
            return new Decision(false, max, 0, Duration.between(now, requests.peekFirst().plus(WINDOW)));
        }
        requests.addLast(now);
        return new Decision(true, max, max - requests.size(), Duration.ZERO);
    }
}
