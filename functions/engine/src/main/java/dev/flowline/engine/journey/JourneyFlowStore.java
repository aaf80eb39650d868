package dev.flowline.engine.journey;

import dev.flowline.engine.Page;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowStore;

import java.util.Collection;
import java.util.Optional;

/**
 * The engine's flow store with the journeys' stage flows added: a stage flow is built from the journey's
 * published version when asked for by id, and never listed among the enabled flows (journeys enrol by hand),
 * so triggers and workflow listings do not see it. Writes and listings are the workflows' own.
 */
public final class JourneyFlowStore implements FlowStore {

    private final FlowStore workflows;
    private final JourneyStore journeys;

    public JourneyFlowStore(FlowStore workflows, JourneyStore journeys) {
        this.workflows = workflows;
        this.journeys = journeys;
    }

    @Override
    public Optional<Flow> find(String flowId) {
        return StageFlows.parse(flowId).map(this::stageFlow).orElseGet(() -> workflows.find(flowId));
    }

    private Optional<Flow> stageFlow(StageFlows.StageRef ref) {
        return journeys.find(ref.journeyId()).flatMap(Journey::published)
                .flatMap(version -> version.definition().stage(ref.stageId())
                        .map(stage -> StageFlows.compile(ref.journeyId(), version.definition(), stage)));
    }

    @Override
    public Collection<Flow> enabledFlows() {
        return workflows.enabledFlows();
    }

    @Override
    public Page<Flow> page(String after, int limit) {
        return workflows.page(after, limit);
    }

    @Override
    public Flow save(Flow flow) {
        return workflows.save(flow);
    }

    @Override
    public Optional<Flow> revision(String flowId, String revisionId) {
        return workflows.revision(flowId, revisionId);
    }

    @Override
    public void delete(String flowId) {
        workflows.delete(flowId);
    }
}
