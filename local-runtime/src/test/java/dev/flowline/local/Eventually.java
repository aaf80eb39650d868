package dev.flowline.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for asynchronous processing in a running local runtime; time passing is the development clock's. */
final class Eventually {

    private static final Duration DEADLINE = Duration.ofMinutes(3);

    private Eventually() {
    }

    /** Polls until {@code state} is present, failing with {@code what} after the deadline. */
    static <T> T await(String what, Supplier<Optional<T>> state) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> reached = state.get();
            if (reached.isPresent()) {
                return reached.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not reached within " + DEADLINE + ": " + what);
    }

    /** Waits until every queue of the runtime is empty. */
    static void awaitQueuesEmpty(LocalRuntime runtime) {
        await("every queue is empty", () -> Optional.of(true).filter(empty -> runtime.queuesEmpty()));
    }
}
