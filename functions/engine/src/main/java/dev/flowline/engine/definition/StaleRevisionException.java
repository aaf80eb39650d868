package dev.flowline.engine.definition;

/** A flow was saved on top of a revision that is no longer its current one: reload it and apply the change again. */
public final class StaleRevisionException extends RuntimeException {

    public StaleRevisionException(String flowId, String revisionId) {
        super("flow " + flowId + " is no longer at revision " + revisionId + "; reload it and save again");
    }
}
