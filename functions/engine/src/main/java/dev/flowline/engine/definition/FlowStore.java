package dev.flowline.engine.definition;

import java.util.Collection;
import java.util.Optional;

/** Where flow definitions live: the current revision of each flow. */
public interface FlowStore {

    Optional<Flow> find(String flowId);

    /** Flows whose triggers may enrol contacts now (enabled flows). */
    Collection<Flow> enabledFlows();
}
