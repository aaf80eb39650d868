package dev.flowline.engine.idempotency;

import java.util.function.Supplier;

/**
 * Makes each side effect happen once per idempotency key. The first to {@link #claim} a key makes the effect
 * and {@link #complete records} its outcome; a later claim gets that outcome back instead of making the effect
 * again; a claim made while another run is still at it finds it {@link Claim.InProgress in progress}.
 */
public interface IdempotencyLedger {

    /** What a claim found. */
    sealed interface Claim {

        /** Nobody has made the effect: go ahead. */
        record Granted() implements Claim {
        }

        /** The effect was made; what it gave. */
        record Done(String outcome) implements Claim {
        }

        /** Another run is making the effect now. */
        record InProgress() implements Claim {
        }
    }

    Claim claim(String key);

    /** Records what the effect of a granted claim gave. */
    void complete(String key, String outcome);

    /** Gives a granted claim back when its effect failed before it was made, so that a retry may make it. */
    void release(String key);

    /**
     * Forgets the claims of every step of an enrolment, sequences 0 to {@code lastSequence} (a privacy deletion:
     * their keys hold the enrolment id, and so the contact id).
     */
    void forgetSteps(String enrolmentId, long lastSequence);

    /**
     * Makes the effect unless it was made already, and returns its outcome, recorded or new. An effect that
     * throws gives its key back. Another run at the same key now fails this one with {@link EffectInProgress}:
     * its message comes back later and finds the outcome, instead of guessing at it.
     */
    default String once(String key, Supplier<String> effect) {
        return switch (claim(key)) {
            case Claim.Done done -> done.outcome();
            case Claim.InProgress inProgress -> throw new EffectInProgress(key);
            case Claim.Granted granted -> {
                String outcome;
                try {
                    outcome = effect.get();
                } catch (RuntimeException e) {
                    release(key);
                    throw e;
                }
                complete(key, outcome);
                yield outcome;
            }
        };
    }

    /** Sends a message (an email) once per key: its outcome is only that it was sent. */
    default void sendOnce(String key, Runnable send) {
        once(key, () -> {
            send.run();
            return "sent";
        });
    }
}
