package dev.flowline.engine.action;

import dev.flowline.engine.definition.SingleConnectionAction;

import java.util.Locale;
import java.util.Map;

/**
 * Static list membership: the older {@code 0-13} ({@code operation} ADD or REMOVE, {@code list_id}) and
 * the newer add ({@code 0-63809083}) and remove ({@code 0-63863438}) actions, both with {@code listId}.
 */
final class ListActions {

    static final String ADD_OR_REMOVE = "0-13";
    static final String ADD = "0-63809083";
    static final String REMOVE = "0-63863438";

    private ListActions() {
    }

    static Map<String, ActionHandler<SingleConnectionAction>> handlers() {
        return Map.of(
                ADD_OR_REMOVE, (action, context) -> change(action, context,
                        !"REMOVE".equals(Fields.text(action.fields(), "operation").toUpperCase(Locale.ROOT)),
                        Fields.text(action.fields(), "list_id")),
                ADD, (action, context) -> change(action, context, true, Fields.text(action.fields(), "listId")),
                REMOVE, (action, context) -> change(action, context, false, Fields.text(action.fields(), "listId")));
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
