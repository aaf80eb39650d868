package dev.flowline.engine.action;

import java.util.SortedSet;

/**
 * The round-robin counter of one "rotate to owner" action. Whenever the set of owners differs from the one
 * of the previous turn, the count starts again at 0 (HubSpot resets its assignment counts when owners are
 * added or removed).
 */
@FunctionalInterface
public interface RotationState {

    /**
     * The number of this turn for {@code rotationId} among {@code owners}: 0, 1, 2… The same idempotency key
     * gets the same turn, so a redelivered step assigns the same owner.
     */
    long nextTurn(String rotationId, SortedSet<String> owners, String idempotencyKey);
}
