package dev.flowline.engine.journey;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.definition.Action;
import dev.flowline.engine.definition.ActionType;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.ManualCriteria;
import dev.flowline.engine.definition.SingleConnectionAction;

import java.util.List;
import java.util.Optional;

/**
 * Turns a journey's stage into the internal flow the engine runs: manual enrolment (the journey enrols),
 * re-enrolment on (a contact can come back to a stage), the stage's actions, and each "go to" as a
 * "set property" of the journey's property to its target's value. Such flows live nowhere but here: they are
 * built from the published version when the engine asks for them, so workflow listings never show them.
 */
public final class StageFlows {

    private static final String PREFIX = "journey-";
    private static final String STAGE = "-stage-";

    private StageFlows() {
    }

    public static String flowId(String journeyId, String stageId) {
        return PREFIX + journeyId + STAGE + stageId;
    }

    /** The id under which the journey's own history lines are kept. */
    public static String journeyFlowId(String journeyId) {
        return PREFIX + journeyId;
    }

    public static boolean isJourneyFlowId(String flowId) {
        return flowId != null && flowId.startsWith(PREFIX);
    }

    /** The journey and stage a stage flow id names. */
    public static Optional<StageRef> parse(String flowId) {
        if (!isJourneyFlowId(flowId)) {
            return Optional.empty();
        }
        int at = flowId.lastIndexOf(STAGE);
        return at < PREFIX.length() ? Optional.empty()
                : Optional.of(new StageRef(flowId.substring(PREFIX.length(), at), flowId.substring(at + STAGE.length())));
    }

    public record StageRef(String journeyId, String stageId) {
    }

    public static Flow compile(String journeyId, JourneyDefinition journey, JourneyStage stage) {
        List<Action> actions = stage.actions() == null ? List.of()
                : stage.actions().stream().map(a -> a == null ? null : runnable(a, journey)).toList();
        return new Flow(flowId(journeyId, stage.stageId()), null, Flow.CONTACT_FLOW, Flow.CONTACT_OBJECT, "WORKFLOW",
                true, journey.name() + " / " + stage.name(), null, null, stage.firstActionId(), null, actions,
                new ManualCriteria("MANUAL", true, null), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static Action runnable(Action action, JourneyDefinition journey) {
        return GoTo.of(action).map(goTo -> (Action) setProperty(action, journey, goTo)).orElse(action);
    }

    private static SingleConnectionAction setProperty(Action action, JourneyDefinition journey, GoTo goTo) {
        String value = goTo.stageId() != null
                ? journey.stage(goTo.stageId()).map(JourneyStage::propertyValue).orElse(null)
                : journey.exit(goTo.exitId()).map(JourneyExit::propertyValue).orElse(null);
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("property_name", journey.propertyName());
        fields.putObject("value").put("type", "STATIC_VALUE").put("staticValue", value);
        return new SingleConnectionAction("SINGLE_CONNECTION", action.actionId(), ActionType.SET_PROPERTY.id(), 1, null, fields, null);
    }
}
