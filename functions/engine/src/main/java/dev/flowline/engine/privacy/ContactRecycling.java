package dev.flowline.engine.privacy;

import dev.flowline.engine.EnginePorts;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactRecycleBin;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.enrolment.Unenroller;

import java.util.List;
import java.util.Optional;

/**
 * Restorable deletion, as HubSpot's "delete contact" workflow action and recycle bin do it: the contact leaves the
 * contact store for the {@link ContactRecycleBin} (so every read finds no such contact), is unenrolled from every
 * flow at once, and can be restored for {@link ContactRecycleBin#RETENTION}; after that, {@link #purge} erases it
 * and everything stored about it ({@link ContactEraser}). Its enrolment history and list memberships stay while it
 * can be restored.
 */
public final class ContactRecycling {

    /** How many expired contacts one {@link #purge} erases, so that a sweep stays short. */
    static final int PURGE_BATCH = 100;

    private final EnginePorts ports;
    private final Unenroller unenroller;
    private final ContactEraser eraser;

    public ContactRecycling(EnginePorts ports, Unenroller unenroller, ContactEraser eraser) {
        this.ports = ports;
        this.unenroller = unenroller;
        this.eraser = eraser;
    }

    /**
     * Deletes the contact restorably. It is put in the bin before it leaves the store, so a delete cut short and
     * run again loses nothing. {@code runningIn} is an enrolment left to end at its next step (null: none).
     */
    public boolean delete(String contactId, String runningIn) {
        Optional<Contact> contact = ports.contacts().find(contactId);
        if (contact.isEmpty()) {
            return false;
        }
        ports.recycleBin().put(contact.get(), ports.clock().instant());
        ports.enrolments().activeOfContact(contactId).stream()
                .filter(active -> !active.enrolmentId().equals(runningIn))
                .forEach(active -> unenroller.unenrol(active, UnenrolmentReason.CONTACT_DELETED));
        ports.contacts().delete(contactId);
        return true;
    }

    /**
     * Brings a deleted contact back as it was, with its history; it enrols again only when its triggers fire anew.
     * Empty when the bin has no such contact.
     *
     * @throws IllegalStateException when another contact has its email now (HubSpot refuses that restore too)
     */
    public Optional<Contact> restore(String contactId) {
        Optional<ContactRecycleBin.Deleted> deleted = ports.recycleBin().find(contactId);
        if (deleted.isEmpty()) {
            return Optional.empty();
        }
        Contact contact = deleted.get().contact();
        Optional<String> email = contact.email();
        if (email.isPresent() && ports.contacts().findByEmail(email.get()).isPresent()) {
            throw new IllegalStateException("contact " + contactId + " cannot be restored: another contact has its "
                    + "email " + email.get());
        }
        if (ports.contacts().find(contactId).isEmpty()) {
            ports.contacts().create(contact);
        }
        ports.recycleBin().remove(contactId);
        return ports.contacts().find(contactId);
    }

    /** Erases for good the contacts deleted more than the retention period ago, a batch at a time; returns how many. */
    public int purge() {
        List<String> expired = ports.recycleBin().deletedBefore(
                ports.clock().instant().minus(ContactRecycleBin.RETENTION), PURGE_BATCH);
        for (String contactId : expired) {
            eraser.erase(contactId);
            ports.recycleBin().remove(contactId);
        }
        return expired.size();
    }
}
