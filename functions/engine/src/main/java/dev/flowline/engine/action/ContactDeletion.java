package dev.flowline.engine.action;

/** Deletes a contact restorably, as the "delete contact" action does: the engine's own service. */
@FunctionalInterface
public interface ContactDeletion {

    /**
     * Moves the contact to the recycle bin and unenrols it from every flow but the enrolment {@code runningIn},
     * which ends at its next step; false when there was no such contact any more.
     */
    boolean delete(String contactId, String runningIn);
}
