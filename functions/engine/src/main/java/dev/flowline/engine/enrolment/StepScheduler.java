package dev.flowline.engine.enrolment;

import java.time.Instant;

/**
 * Hands a step to whatever runs steps: at once when {@code dueAt} is null or past, else at {@code dueAt}.
 * The AWS adapter chooses between the step queue, a queue delay and a grouped scheduler wake-up.
 */
@FunctionalInterface
public interface StepScheduler {

    void schedule(StepMessage step, Instant dueAt);
}
