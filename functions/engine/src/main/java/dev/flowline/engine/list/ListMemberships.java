package dev.flowline.engine.list;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactEvent;
import dev.flowline.engine.contact.ContactSaveConflict;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.contact.ListMembershipEvents;
import dev.flowline.engine.enrolment.ContactEventOutbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one path by which a contact joins or leaves a MANUAL or SNAPSHOT list, for the lists API, the list actions and
 * journey exits alike. One conditional write of the contact changes its membership (where filters read it), records
 * the list-membership activity on it and saves that activity as a pending event; then the list store (for the
 * listing) is written and the event published, so list-membership triggers and suppression lists react as to any
 * other change. A change already made (a redelivered step, a repeated request) writes and publishes nothing new,
 * but finishes what the attempt that made it may have left undone: the list store write and the pending event. A
 * bus that refuses the event leaves it pending for a repeat or the sweep ({@link ContactEventOutbox}).
 */
public final class ListMemberships {

    private final Clock clock;
    private final ContactStore contacts;
    private final ListStore lists;
    private final ContactEventOutbox outbox;

    public ListMemberships(Clock clock, ContactStore contacts, ListStore lists, ContactEventOutbox outbox) {
        this.clock = clock;
        this.contacts = contacts;
        this.lists = lists;
        this.outbox = outbox;
    }

    /** Adds the contact to list {@code listId}, or takes it out: refused for an unknown or DYNAMIC list. */
    public MembershipChange change(String listId, String contactId, boolean add) {
        Optional<ContactList> list = lists.list(listId);
        if (list.isEmpty()) {
            return MembershipChange.refused("there is no list " + listId);
        }
        if (list.get().isDynamic()) {
            return MembershipChange.refused("list " + listId + " is DYNAMIC: its members follow its filters, and "
                    + "only MANUAL and SNAPSHOT lists take members");
        }
        return contacts.find(contactId).map(contact -> change(list.get(), contact, add))
                .orElseGet(() -> MembershipChange.refused("contact " + contactId + " does not exist"));
    }

    /** Returns the ids of the contacts added: not those in the list already, nor those deleted meanwhile. */
    public List<String> add(ContactList list, List<Contact> members) {
        return changeAll(list, members, true);
    }

    /** Returns the ids of the contacts removed: not those outside the list already, nor those deleted meanwhile. */
    public List<String> remove(ContactList list, List<Contact> members) {
        return changeAll(list, members, false);
    }

    private List<String> changeAll(ContactList list, List<Contact> members, boolean add) {
        var changed = new ArrayList<String>();
        for (Contact contact : members) {
            if (change(list, contact, add).changed()) {
                changed.add(contact.id());
            }
        }
        return changed;
    }

    /**
     * Changes the membership of {@code read}, a read of the contact, on a fresh read when another writer came first;
     * a contact deleted meanwhile is refused, never brought back.
     */
    private MembershipChange change(ContactList list, Contact read, boolean add) {
        String listId = list.listId();
        Contact contact = read;
        for (int attempt = 0; attempt < ContactStore.SAVE_ATTEMPTS; attempt++) {
            if (contact.inStaticList(listId) == add) {
                finish(listId, contact.id(), add);
                outbox.publishPending(contact.id());
                return MembershipChange.ALREADY;
            }
            Instant now = clock.instant();
            ActivityEvent activity = ListMembershipEvents.of(listId, add, now);
            if (add) {
                contact.addToList(listId);
            } else {
                contact.removeFromList(listId);
            }
            contact.record(activity);
            ContactEvent event = ContactEvent.of(activity, now);
            if (contacts.replaceIfUnchanged(contact, List.of(event))) {
                finish(listId, contact.id(), add);
                outbox.publish(contact.id(), List.of(event));
                return MembershipChange.CHANGED;
            }
            Optional<Contact> fresh = contacts.find(contact.id());
            if (fresh.isEmpty()) {
                return MembershipChange.refused("contact " + contact.id() + " does not exist");
            }
            contact = fresh.get();
        }
        throw new ContactSaveConflict(read.id(), ContactStore.SAVE_ATTEMPTS);
    }

    /** The list store's side of the change; writing it again is harmless. */
    private void finish(String listId, String contactId, boolean add) {
        if (add) {
            lists.addMembers(listId, List.of(contactId));
        } else {
            lists.removeMembers(listId, List.of(contactId));
        }
    }
}
