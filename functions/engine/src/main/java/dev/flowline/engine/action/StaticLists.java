package dev.flowline.engine.action;

import dev.flowline.engine.list.MembershipChange;

/**
 * Adds a contact to a static list or takes it out, as the lists API does: the engine's own service
 * ({@link dev.flowline.engine.list.ListMemberships}), which comes to the list actions separately from the ports.
 */
@FunctionalInterface
public interface StaticLists {

    MembershipChange change(String listId, String contactId, boolean add);
}
