package dev.flowline.engine.journey;

import dev.flowline.engine.definition.Action;

import java.util.List;

/**
 * One stage of a journey: contacts whose property takes {@code propertyValue} run its flow. The flow is a
 * list of v4 actions (1 to 50) linked by their connections, starting at {@code startActionId} (by default the
 * first action); a "go to" action ({@link GoTo}) ends a path at another stage or an exit.
 */
public record JourneyStage(String stageId, String name, String propertyValue, String startActionId,
                           List<Action> actions) {

    public String firstActionId() {
        if (startActionId != null) {
            return startActionId;
        }
        return actions == null || actions.isEmpty() || actions.getFirst() == null ? null : actions.getFirst().actionId();
    }
}
