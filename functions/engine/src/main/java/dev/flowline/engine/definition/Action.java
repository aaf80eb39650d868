package dev.flowline.engine.definition;

import dev.flowline.engine.json.Union;

import java.util.List;
import java.util.Map;

/** One node of a flow's action graph: HubSpot's action union, told apart by {@code type}. */
public sealed interface Action
        permits SingleConnectionAction, ListBranchAction, StaticBranchAction, AbTestBranchAction,
        CustomCodeAction, WebhookAction, UnknownAction {

    Union<Action> UNION = Union.of(Action.class, "type", Map.of(
            "SINGLE_CONNECTION", SingleConnectionAction.class,
            "LIST_BRANCH", ListBranchAction.class,
            "STATIC_BRANCH", StaticBranchAction.class,
            "AB_TEST_BRANCH", AbTestBranchAction.class,
            "CUSTOM_CODE", CustomCodeAction.class,
            "WEBHOOK", WebhookAction.class), UnknownAction::new);

    String actionId();

    String type();

    /** Every connection leaving this action, in branch order. */
    List<Edge> edges();

    static List<Edge> single(Connection connection) {
        return connection == null ? List.of() : List.of(new Edge("/connection", connection));
    }
}
