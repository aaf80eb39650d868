package dev.flowline.engine.action;

import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.list.MembershipChange;

import java.util.Locale;

/**
 * Static list membership: the older {@code 0-13} ({@code operation} ADD or REMOVE, {@code list_id}) and
 * the newer add ({@code 0-63809083}) and remove ({@code 0-63863438}) actions, both with {@code listId}. The change
 * is the lists API's own ({@link StaticLists}): the list store, the contact and the list-membership event. An
 * unknown or DYNAMIC list fails the action with the reason, and the contact moves on.
 */
final class ListActions {

    private ListActions() {
    }

    static ActionHandler<SingleConnectionAction> addOrRemove(StaticLists lists) {
        return (action, context) -> change(lists, action, context,
                !"REMOVE".equals(Fields.text(action.fields(), "operation").toUpperCase(Locale.ROOT)),
                Fields.text(action.fields(), "list_id"));
    }

    static ActionHandler<SingleConnectionAction> add(StaticLists lists) {
        return (action, context) -> change(lists, action, context, true, Fields.text(action.fields(), "listId"));
    }

    static ActionHandler<SingleConnectionAction> remove(StaticLists lists) {
        return (action, context) -> change(lists, action, context, false, Fields.text(action.fields(), "listId"));
    }

    private static StepResult change(StaticLists lists, SingleConnectionAction action, ActionContext context,
                                     boolean add, String listId) {
        if (listId.isBlank()) {
            return Results.failed(action, "the action names no list");
        }
        MembershipChange change = lists.change(listId, context.contact().id(), add);
        return switch (change.outcome()) {
            case CHANGED -> Results.succeeded(action, (add ? "added to list " : "removed from list ") + listId);
            case ALREADY -> Results.succeeded(action, (add ? "already in list " : "was not in list ") + listId);
            case REFUSED -> Results.failed(action, (add ? "not added to list " : "not removed from list ") + listId
                    + ": " + change.reason());
        };
    }
}
