package dev.flowline.engine.action;

/**
 * What an action cannot be done for, found while preparing it (a token that cannot be filled, a user the owner
 * directory does not know): the executor records the action failed with this message, and the contact goes on.
 */
class ActionFailure extends RuntimeException {

    ActionFailure(String reason) {
        super(reason);
    }
}
