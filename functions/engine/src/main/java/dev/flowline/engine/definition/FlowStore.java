package dev.flowline.engine.definition;

import dev.flowline.engine.Page;

import java.util.Collection;
import java.util.Optional;

/** Where flow definitions live: the current revision of each flow, and the revisions it had. */
public interface FlowStore {

    Optional<Flow> find(String flowId);

    /** Flows whose triggers may enrol contacts now (enabled flows). */
    Collection<Flow> enabledFlows();

    /** Up to {@code limit} flows (their current revisions) after the flow {@code after} (null: from the first). */
    Page<Flow> page(String after, int limit);

    /**
     * Saves {@code flow} as its next revision and returns it with its new revision id. A flow without a revision
     * id is new: the save fails if the flow exists. Otherwise the revision id must be the current one.
     *
     * @throws StaleRevisionException when the flow exists already, or is no longer at the flow's revision
     */
    Flow save(Flow flow);

    /** The flow as it was saved in revision {@code revisionId}. */
    Optional<Flow> revision(String flowId, String revisionId);

    /** Removes the flow with all its revisions. */
    void delete(String flowId);
}
