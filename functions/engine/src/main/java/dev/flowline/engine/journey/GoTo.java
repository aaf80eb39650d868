package dev.flowline.engine.journey;

import dev.flowline.engine.definition.Action;
import dev.flowline.engine.definition.SingleConnectionAction;

import java.util.Optional;

/**
 * The journey's "go to" action: a {@code SINGLE_CONNECTION} action of type {@value #TYPE} whose fields name
 * either a {@code stageId} (a move, typically back to an earlier stage) or an {@code exitId}. It ends its path:
 * it has no connection. It runs as a "set property" of the journey's property to the target's value, and the
 * journey reacts to that change as to any other.
 */
public record GoTo(String stageId, String exitId) {

    public static final String TYPE = "fl-journey-go-to";

    /** The go-to an action is, if it is one. */
    public static Optional<GoTo> of(Action action) {
        if (action instanceof SingleConnectionAction single && TYPE.equals(single.actionTypeId())) {
            var fields = single.fields();
            return Optional.of(new GoTo(text(fields, "stageId"), text(fields, "exitId")));
        }
        return Optional.empty();
    }

    private static String text(com.fasterxml.jackson.databind.node.ObjectNode fields, String name) {
        return fields == null || !fields.hasNonNull(name) ? null : fields.get(name).asText();
    }
}
