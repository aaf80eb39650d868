package dev.flowline.engine.action;

import dev.flowline.engine.definition.SingleConnectionAction;

import java.util.Locale;

/**
 * Static list membership: the older {@code 0-13} ({@code operation} ADD or REMOVE, {@code list_id}) and
 * the newer add ({@code 0-63809083}) and remove ({@code 0-63863438}) actions, both with {@code listId}.
 */
final class ListActions {

    private ListActions() {
    }

    static StepResult addOrRemove(SingleConnectionAction action, ActionContext context) {
        return change(action, context, !"REMOVE".equals(Fields.text(action.fields(), "operation").toUpperCase(Locale.ROOT)),
                Fields.text(action.fields(), "list_id"));
    }

    static StepResult add(SingleConnectionAction action, ActionContext context) {
        return change(action, context, true, Fields.text(action.fields(), "listId"));
    }

    static StepResult remove(SingleConnectionAction action, ActionContext context) {
        return change(action, context, false, Fields.text(action.fields(), "listId"));
    }

    private static StepResult change(SingleConnectionAction action, ActionContext context, boolean add,
                                     String listId) {
        if (listId.isBlank()) {
            return Results.failed(action, "the action names no list");
        }
        if (add) {
            return Results.succeeded(action, context.contact().addToList(listId)
                    ? "added to list " + listId : "already in list " + listId);
        }
        return Results.succeeded(action, context.contact().removeFromList(listId)
                ? "removed from list " + listId : "was not in list " + listId);
    }
}
