package dev.flowline.engine.contact;

/** A contact changed under every attempt to save edits to it; the work that made them is to be retried. */
public final class ContactSaveConflict extends RuntimeException {

    public ContactSaveConflict(String contactId, int attempts) {
        super("contact " + contactId + " changed during each of " + attempts + " attempts to save it");
    }
}
