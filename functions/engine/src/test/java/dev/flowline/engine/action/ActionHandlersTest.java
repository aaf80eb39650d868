package dev.flowline.engine.action;

import dev.flowline.engine.definition.ActionType;
import dev.flowline.engine.simulation.Outbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue and the handlers agree: an entry has a handler exactly when it says Flowline performs it. */
class ActionHandlersTest {

    @ParameterizedTest
    @EnumSource(ActionType.class)
    void aTypeHasAHandlerExactlyWhenItIsPerformed(ActionType type) {
        var handler = ActionHandlers.handler(type, ActionTesting.ports(new Outbox()), ActionTesting.NO_WORKFLOWS,
                ActionTesting.NO_LISTS,
                (contactId, runningIn) -> false);

        assertThat(handler.isPresent()).as(type + " has a handler").isEqualTo(type.performed());
    }
}
