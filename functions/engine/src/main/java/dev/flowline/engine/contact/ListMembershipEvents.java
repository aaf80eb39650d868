package dev.flowline.engine.contact;


import java.time.Instant;
import java.util.Map;

/**
 * A contact added to or removed from a MANUAL or SNAPSHOT list, published as an activity. Whoever reads it
 * rebuilds the contact as it was before the change, so that list-membership triggers see the edge.
 */
public final class ListMembershipEvents {

    public static final String TYPE = "fl-list-membership";
    public static final String LIST_ID = "hs_list_id";
    public static final String CHANGE = "hs_change";
    public static final String ADDED = "ADDED";
    public static final String REMOVED = "REMOVED";

    private ListMembershipEvents() {
    }

    public static ActivityEvent of(String listId, boolean added, Instant at) {
        return new ActivityEvent(TYPE, at, Map.of(LIST_ID, listId, CHANGE, added ? ADDED : REMOVED));
    }

    /** The contact before {@code event}: a copy, with a membership change undone. */
    public static Contact before(Contact contact, ActivityEvent event) {
        Contact before = contact.copy();
        if (TYPE.equals(event.eventTypeId())) {
            String listId = event.properties().get(LIST_ID);
            if (ADDED.equals(event.properties().get(CHANGE))) {
                before.removeFromList(listId);
            } else {
                before.addToList(listId);
            }
        }
        return before;
    }
}
