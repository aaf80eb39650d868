package dev.flowline.engine.simulation;

import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowStore;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flows held in memory. The enabled flows are one immutable list, made again only when a flow is put or
 * removed, so that a reader can tell by identity that they did not change.
 */
public final class InMemoryFlowStore implements FlowStore {

    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private List<Flow> enabled = List.of();

    public void put(Flow flow) {
        flows.put(flow.id(), flow);
        enabled = enabledOf(flows);
    }

    public void remove(String flowId) {
        flows.remove(flowId);
        enabled = enabledOf(flows);
    }

    @Override
    public Optional<Flow> find(String flowId) {
        return Optional.ofNullable(flows.get(flowId));
    }

    @Override
    public Collection<Flow> enabledFlows() {
        return enabled;
    }

    private static List<Flow> enabledOf(Map<String, Flow> flows) {
        return flows.values().stream().filter(Flow::enabled).toList();
    }
}
