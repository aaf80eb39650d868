package dev.flowline.engine.list;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.contact.ListMembershipEvents;
import dev.flowline.engine.enrolment.EngineEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds contacts to, or removes them from, a static list: on the contact, where filters read it, in the list
 * store, for the listing, and as a list-membership activity on the contact, so list-membership triggers fire.
 */
public final class ListMemberships {

    private final Clock clock;
    private final ContactStore contacts;
    private final ListStore lists;
    private final EngineEvents events;

    public ListMemberships(Clock clock, ContactStore contacts, ListStore lists, EngineEvents events) {
        this.clock = clock;
        this.contacts = contacts;
        this.lists = lists;
        this.events = events;
    }

    /** Returns the ids of the contacts added: not those in the list already, nor those deleted meanwhile. */
    public List<String> add(ContactList list, List<Contact> members) {
        return change(list, members, true);
    }

    /** Returns the ids of the contacts removed: not those outside the list already, nor those deleted meanwhile. */
    public List<String> remove(ContactList list, List<Contact> members) {
        return change(list, members, false);
    }

    private List<String> change(ContactList list, List<Contact> members, boolean add) {
        var changed = new ArrayList<String>();
        for (Contact contact : members) {
            if ((add ? contact.addToList(list.listId()) : contact.removeFromList(list.listId()))
                    && contacts.save(contact).isPresent()) {
                changed.add(contact.id());
            }
        }
        if (add) {
            lists.addMembers(list.listId(), changed);
        } else {
            lists.removeMembers(list.listId(), changed);
        }
        Instant now = clock.instant();
        changed.forEach(id -> events.activity(id, ListMembershipEvents.of(list.listId(), add, now)));
        return changed;
    }
}
