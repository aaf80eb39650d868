package dev.flowline.local;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** What the chaos tests share: calls tried again, as a client does when faults are injected, and quiet queues. */
final class UnderFaults {

    private static final int ATTEMPTS = 10;

    private UnderFaults() {
    }

    /** What a CRM integration does when the bus or the table refuses: it tries again (so do the tests' reads). */
    static <T> T persistently(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    static void persistently(Runnable call) {
        persistently(() -> {
            call.run();
            return null;
        });
    }

    /** Waits until the queues are empty twice in a row: asynchronous work, not time passing (that is the clock's). */
    static void awaitQuiet(LocalRuntime runtime, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        int quiet = 0;
        while (quiet < 2) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the queues did not empty within " + limit);
            }
            Thread.sleep(100);
            quiet = persistently(runtime::queuesEmpty) ? quiet + 1 : 0;
        }
    }
}
