package dev.flowline.engine.list;

import dev.flowline.engine.Page;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.criteria.ListDirectory;

import java.util.Collection;
import java.util.Optional;

/**
 * Where contact lists live: each list's definition and the members of MANUAL and SNAPSHOT lists, which page in
 * contact-id order. Filters read a static list's membership from the contact itself; the members kept here serve
 * the memberships listing. A DYNAMIC list keeps no members: they are the contacts that pass its filter branch.
 */
public interface ListStore extends ListDirectory {

    Optional<ContactList> list(String listId);

    @Override
    default Optional<ListDefinition> find(String listId) {
        return list(listId).map(ContactList::definition);
    }

    /** Saves a new list; false when a list with its id exists already. */
    boolean create(ContactList list);

    /** Removes the list and its members. */
    void delete(String listId);

    /** The member ids of a MANUAL or SNAPSHOT list in id order, from after {@code after} (null: from the first). */
    Page<String> members(String listId, String after, int limit);

    void addMembers(String listId, Collection<String> contactIds);

    void removeMembers(String listId, Collection<String> contactIds);

    /** Takes the contact out of every MANUAL and SNAPSHOT list (a privacy deletion). */
    void removeFromAllLists(String contactId);
}
