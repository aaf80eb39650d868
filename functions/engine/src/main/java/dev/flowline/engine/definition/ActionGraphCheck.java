package dev.flowline.engine.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.flowline.engine.definition.Pointer.ROOT;
import static dev.flowline.engine.definition.Problems.quote;

/**
 * The actions as a graph: ids are unique, every connection lands on an action, nothing loops and every
 * action can be reached from the start. HubSpot's flows are trees with go-to edges across branches; a loop
 * would keep a contact enrolled forever.
 */
final class ActionGraphCheck {

    private static final List<String> EDGE_TYPES = List.of(Connection.STANDARD, Connection.GOTO);

    /** A connection that lands on an action, by action index and id. */
    private record Link(int from, String fromId, int to, String toId, boolean isGoto, Pointer at) {
    }

    /** Where the depth-first walk stands with an action; unvisited actions have no state. */
    private enum State { ON_PATH, DONE }

    private final Problems problems;

    ActionGraphCheck(Problems problems) {
        this.problems = problems;
    }

    void check(Flow flow) {
        List<Action> actions = flow.actions() != null ? flow.actions() : List.of();
        Map<String, Integer> indexById = indexById(actions);
        List<List<Link>> links = links(actions, indexById);
        Integer start = start(flow, actions, indexById);
        loopsOfStandardEdges(links, start);
        loopsClosedByGoto(links);
        if (start != null) {
            unreachable(actions, indexById, links, start);
        }
    }

    private Map<String, Integer> indexById(List<Action> actions) {
        var indexById = new HashMap<String, Integer>();
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            if (action == null) {
                continue;
            }
            Pointer at = ROOT.field("actions").index(i);
            if (problems.require(at, "actionId", action.actionId())
                    && indexById.putIfAbsent(action.actionId(), i) != null) {
                problems.add(at.field("actionId"),
                        "actionId " + quote(action.actionId()) + " is already used by another action of this flow");
            }
        }
        return indexById;
    }

    /** The links leaving each action, by action index; reports connections that land nowhere. */
    private List<List<Link>> links(List<Action> actions, Map<String, Integer> indexById) {
        var links = new ArrayList<List<Link>>();
        for (int i = 0; i < actions.size(); i++) {
            var leaving = new ArrayList<Link>();
            links.add(leaving);
            if (actions.get(i) == null) {
                continue;
            }
            for (Edge edge : actions.get(i).edges()) {
                Pointer at = ROOT.field("actions").index(i).append(edge.path());
                Connection connection = edge.connection();
                problems.oneOf(at, "edgeType", connection.edgeType(), EDGE_TYPES);
                Integer target = target(connection.nextActionId(), indexById, at, "nextActionId");
                if (target != null) {
                    leaving.add(new Link(i, actions.get(i).actionId(), target, connection.nextActionId(),
                            connection.isGoto(), at.field("nextActionId")));
                }
            }
        }
        return links;
    }

    private Integer start(Flow flow, List<Action> actions, Map<String, Integer> indexById) {
        if (flow.startActionId() == null) {
            if (!actions.isEmpty()) {
                problems.add(ROOT.field("startActionId"), "startActionId is required when the flow has actions");
            }
            return null;
        }
        return target(flow.startActionId(), indexById, ROOT, "startActionId");
    }

    /** The index of the action an id names, or null (reported) when it is missing or names no action. */
    private Integer target(String actionId, Map<String, Integer> indexById, Pointer parent, String field) {
        if (!problems.require(parent, field, actionId)) {
            return null;
        }
        Integer index = indexById.get(actionId);
        if (index == null) {
            problems.add(parent.field(field),
                    field + " " + quote(actionId) + " does not name an action of this flow");
        }
        return index;
    }

    /** Depth-first over STANDARD edges only, from the start and then from every action not yet seen. */
    private void loopsOfStandardEdges(List<List<Link>> links, Integer start) {
        var state = new State[links.size()];
        if (start != null) {
            visit(start, links, state);
        }
        for (int i = 0; i < links.size(); i++) {
            if (state[i] == null) {
                visit(i, links, state);
            }
        }
    }

    private void visit(int action, List<List<Link>> links, State[] state) {
        state[action] = State.ON_PATH;
        for (Link link : links.get(action)) {
            if (link.isGoto()) {
                continue;
            }
            if (state[link.to()] == State.ON_PATH) {
                reportLoop(link);
            } else if (state[link.to()] == null) {
                visit(link.to(), links, state);
            }
        }
        state[action] = State.DONE;
    }

    private void loopsClosedByGoto(List<List<Link>> links) {
        for (List<Link> leaving : links) {
            for (Link link : leaving) {
                if (link.isGoto() && reachable(link.to(), links)[link.from()]) {
                    reportLoop(link);
                }
            }
        }
    }

    private void reportLoop(Link link) {
        problems.add(link.at(), "going to action " + quote(link.toId()) + " from action " + quote(link.fromId())
                + " creates a loop");
    }

    private void unreachable(List<Action> actions, Map<String, Integer> indexById, List<List<Link>> links,
                             int start) {
        boolean[] reached = reachable(start, links);
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            // Actions without an id or with a duplicate one are reported already.
            if (!reached[i] && action != null && Integer.valueOf(i).equals(indexById.get(action.actionId()))) {
                problems.add(ROOT.field("actions").index(i),
                        "action " + quote(action.actionId()) + " cannot be reached from the start action");
            }
        }
    }

    private static boolean[] reachable(int from, List<List<Link>> links) {
        var reached = new boolean[links.size()];
        var pending = new ArrayDeque<Integer>();
        reached[from] = true;
        pending.add(from);
        while (!pending.isEmpty()) {
            for (Link link : links.get(pending.poll())) {
                if (!reached[link.to()]) {
                    reached[link.to()] = true;
                    pending.add(link.to());
                }
            }
        }
        return reached;
    }
}
