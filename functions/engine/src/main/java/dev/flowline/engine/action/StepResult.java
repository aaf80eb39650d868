package dev.flowline.engine.action;

import java.time.Instant;
import java.util.Map;

/** What running one action decided: where the enrolment goes next, and what the history says about it. */
public sealed interface StepResult {

    /** Go on to {@code nextActionId} (null ends the path) at {@code dueAt} (null: now; a delay sets it). */
    record Next(String nextActionId, Instant dueAt, Outcome outcome, Map<String, String> outputs)
            implements StepResult {
    }

    /** Wait at this action for an event, at most until {@code expiresAt}. */
    record WaitForEvent(Instant expiresAt) implements StepResult {
    }

    /**
     * Run this action again at {@code retryAt}: a webhook to retry, an SMS whose delivery is pending.
     * {@code outputs} carry the action's state (attempts so far, when the first was) to its next run.
     */
    record Retry(Instant retryAt, String detail, Map<String, String> outputs) implements StepResult {

        public Retry(Instant retryAt, String detail) {
            this(retryAt, detail, Map.of());
        }
    }

    /** How an action went, as the history and the per-action metrics record it. */
    enum Status { SUCCEEDED, SKIPPED, FAILED }

    record Outcome(Status status, String detail) {

        public static Outcome succeeded(String detail) {
            return new Outcome(Status.SUCCEEDED, detail);
        }

        public static Outcome skipped(String detail) {
            return new Outcome(Status.SKIPPED, detail);
        }

        public static Outcome failed(String detail) {
            return new Outcome(Status.FAILED, detail);
        }
    }

    static Next next(String nextActionId, Outcome outcome) {
        return new Next(nextActionId, null, outcome, Map.of());
    }
}
