package dev.flowline.engine.simulation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.Page;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowStore;
import dev.flowline.engine.definition.StaleRevisionException;
import dev.flowline.engine.json.FlowlineJson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flows held in memory. The enabled flows are one immutable list, made again only when a flow is put or
 * removed, so that a reader can tell by identity that they did not change. A save numbers revisions "1", "2"...
 * and refuses a stale one, as the real store does; {@link #put} stores a flow as it is, as a simulation sets one
 * up, without a revision to go back to.
 */
public final class InMemoryFlowStore implements FlowStore {

    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final Map<String, List<Flow>> revisions = new HashMap<>();
    private List<Flow> enabled = List.of();

    public synchronized void put(Flow flow) {
        flows.put(flow.id(), flow);
        enabled = enabledOf(flows);
    }

    @Override
    public synchronized Optional<Flow> find(String flowId) {
        return Optional.ofNullable(flows.get(flowId));
    }

    @Override
    public synchronized Collection<Flow> enabledFlows() {
        return enabled;
    }

    @Override
    public synchronized Page<Flow> page(String after, int limit) {
        return Pages.after(flows.values().stream(), Flow::id, after, limit);
    }

    @Override
    public synchronized Flow save(Flow flow) {
        Flow current = flows.get(flow.id());
        boolean fresh = flow.revisionId() == null;
        if (fresh ? current != null : current == null || !flow.revisionId().equals(current.revisionId())) {
            throw new StaleRevisionException(flow.id(), flow.revisionId());
        }
        ObjectNode tree = FlowlineJson.mapper().valueToTree(flow);
        tree.put("revisionId", String.valueOf(fresh ? 1 : revisionNumber(flow) + 1));
        Flow revision = FlowlineJson.read(tree, Flow.class);
        revisions.computeIfAbsent(flow.id(), id -> new ArrayList<>()).add(revision);
        put(revision);
        return revision;
    }

    private static long revisionNumber(Flow flow) {
        try {
            return Long.parseLong(flow.revisionId());
        } catch (NumberFormatException notARevision) {
            throw new StaleRevisionException(flow.id(), flow.revisionId());
        }
    }

    @Override
    public synchronized Optional<Flow> revision(String flowId, String revisionId) {
        return revisions.getOrDefault(flowId, List.of()).stream()
                .filter(flow -> flow.revisionId().equals(revisionId)).findFirst();
    }

    @Override
    public synchronized void delete(String flowId) {
        flows.remove(flowId);
        revisions.remove(flowId);
        enabled = enabledOf(flows);
    }

    private static List<Flow> enabledOf(Map<String, Flow> flows) {
        return flows.values().stream().filter(Flow::enabled).toList();
    }
}
