package dev.flowline.functions.api;

import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.dynamodb.ContactList;
import dev.flowline.engine.contact.ListMembershipEvents;
import dev.flowline.engine.contact.Contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Adds contacts to, or removes them from, a static list: on the contact, in the list store and on the bus. */
final class ListMemberships {

    private ListMemberships() {
    }

    /**
     * Changes each contact's membership, saves it and publishes the change as a list-membership activity, so
     * list-membership triggers fire. Returns the ids whose membership changed (a contact deleted meanwhile is not).
     */
    static List<String> change(AwsEngine engine, ContactList list, List<Contact> contacts, boolean add) {
        var changed = new ArrayList<String>();
        for (Contact contact : contacts) {
            if ((add ? contact.addToList(list.listId()) : contact.removeFromList(list.listId()))
                    && engine.contacts().save(contact).isPresent()) {
                changed.add(contact.id());
            }
        }
        if (add) {
            engine.lists().addMembers(list.listId(), changed);
        } else {
            engine.lists().removeMembers(list.listId(), changed);
        }
        Instant now = engine.clock().instant();
        changed.forEach(id -> engine.engine().context().events().activity(id, ListMembershipEvents.of(list.listId(), add, now)));
        return changed;
    }
}
