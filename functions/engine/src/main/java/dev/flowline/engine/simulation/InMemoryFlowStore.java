package dev.flowline.engine.simulation;

import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowStore;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Flows held in memory. */
public final class InMemoryFlowStore implements FlowStore {

    private final Map<String, Flow> flows = new LinkedHashMap<>();

    public void put(Flow flow) {
        flows.put(flow.id(), flow);
    }

    public void remove(String flowId) {
        flows.remove(flowId);
    }

    @Override
    public Optional<Flow> find(String flowId) {
        return Optional.ofNullable(flows.get(flowId));
    }

    @Override
    public Collection<Flow> enabledFlows() {
        return flows.values().stream().filter(Flow::enabled).toList();
    }
}
