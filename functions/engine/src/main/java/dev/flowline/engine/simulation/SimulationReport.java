package dev.flowline.engine.simulation;

import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.history.FlowMetrics;
import dev.flowline.engine.history.FlowMetricsSnapshot;
import dev.flowline.engine.history.History;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where every contact ended up at the end of a simulation run, with the flows' figures and what was sent. */
public record SimulationReport(Instant at, List<Enrolment> enrolments, FlowMetrics metrics, History history,
                               Outbox outbox) {

    public FlowMetricsSnapshot metrics(String flowId) {
        return metrics.snapshot(flowId);
    }

    public List<Enrolment> enrolments(String flowId) {
        return enrolments.stream().filter(e -> e.flowId().equals(flowId)).toList();
    }

    /** How many enrolments of a flow are in each status. */
    public Map<EnrolmentStatus, Long> statuses(String flowId) {
        return enrolments(flowId).stream().collect(Collectors.groupingBy(Enrolment::status, Collectors.counting()));
    }

    /** How many active enrolments of a flow wait at each action. */
    public Map<String, Long> waitingAt(String flowId) {
        return enrolments(flowId).stream().filter(Enrolment::isActive)
                .collect(Collectors.groupingBy(Enrolment::currentActionId, Collectors.counting()));
    }
}
