package dev.flowline.engine.enrolment;

import java.time.Instant;
import java.util.List;

/**
 * Hands a step to whatever runs steps: at once when {@code dueAt} is null or past, else at {@code dueAt}.
 * The AWS adapter chooses between the step queue, a queue delay and a grouped scheduler wake-up.
 */
@FunctionalInterface
public interface StepScheduler {

    void schedule(StepMessage step, Instant dueAt);

    /** Hands each step to run at once; a scheduler may send them together. */
    default void scheduleNow(List<StepMessage> steps) {
        steps.forEach(step -> schedule(step, null));
    }
}
