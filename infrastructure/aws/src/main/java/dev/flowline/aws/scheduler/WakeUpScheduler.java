package dev.flowline.aws.scheduler;

import java.time.Instant;

/**
 * Arranges for the steps due at {@code dueAt} to be woken up in that instant's minute: wake-ups are shared
 * per minute, and the waker loads the enrolments due in that minute from the enrolment store.
 */
@FunctionalInterface
public interface WakeUpScheduler {

    void wakeUpAt(Instant dueAt);
}
