package dev.flowline.engine.action;

import java.time.Duration;

/** Waits that double from {@code first} with each attempt, never longer than {@code cap}. */
record Backoff(Duration first, Duration cap) {

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    Duration after(int attempt) {
        Duration wait = first;
        for (int i = 1; i < attempt && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
