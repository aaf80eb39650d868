package dev.flowline.engine.simulation;

import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.FlowCounts;
import dev.flowline.engine.history.FlowMetrics;
import dev.flowline.engine.history.FlowMetricsSnapshot;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.history.Metric;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** Flow counters held in memory. */
public final class InMemoryMetrics implements FlowMetrics {

    /** Looked up one by one rather than iterated, which makes an entry object for each outcome of each action. */
    private static final HistoryKind[] HISTORY_KINDS = HistoryKind.values();

    private final Map<String, Map<Metric, Long>> counters = new HashMap<>();
    private final Map<String, Map<UnenrolmentReason, Long>> reasons = new HashMap<>();
    private final Map<String, Map<String, Map<HistoryKind, Long>>> actions = new HashMap<>();

    @Override
    public void increment(String flowId, Metric metric) {
        counters.computeIfAbsent(flowId, f -> new EnumMap<>(Metric.class)).merge(metric, 1L, Long::sum);
    }

    @Override
    public void unenrolled(String flowId, UnenrolmentReason reason) {
        reasons.computeIfAbsent(flowId, f -> new EnumMap<>(UnenrolmentReason.class)).merge(reason, 1L, Long::sum);
    }

    @Override
    public void action(String flowId, String actionId, HistoryKind outcome) {
        actions.computeIfAbsent(flowId, f -> new HashMap<>())
                .computeIfAbsent(actionId, a -> new EnumMap<>(HistoryKind.class))
                .merge(outcome, 1L, Long::sum);
    }

    /** The run's counts merged at once, as a store that writes them in one request does. */
    @Override
    public void add(String flowId, FlowCounts counts) {
        Map<String, Map<HistoryKind, Long>> runActions = counts.actions();
        Map<Metric, Long> runMetrics = counts.metrics();
        if (!runMetrics.isEmpty()) {
            Map<Metric, Long> ofFlow = counters.computeIfAbsent(flowId, f -> new EnumMap<>(Metric.class));
            runMetrics.forEach((metric, n) -> ofFlow.merge(metric, n, Long::sum));
        }
        if (!runActions.isEmpty()) {
            Map<String, Map<HistoryKind, Long>> ofFlow = actions.computeIfAbsent(flowId, f -> new HashMap<>());
            runActions.forEach((actionId, outcomes) -> {
                Map<HistoryKind, Long> ofAction = ofFlow.computeIfAbsent(actionId, a -> new EnumMap<>(HistoryKind.class));
                for (HistoryKind outcome : HISTORY_KINDS) {
                    Long n = outcomes.get(outcome);
                    if (n != null) {
                        ofAction.merge(outcome, n, Long::sum);
                    }
                }
            });
        }
    }

    @Override
    public void resetGoal(String flowId) {
        counters.computeIfAbsent(flowId, f -> new EnumMap<>(Metric.class)).remove(Metric.GOAL_CONVERSIONS);
    }

    @Override
    public FlowMetricsSnapshot snapshot(String flowId) {
        Map<Metric, Long> c = counters.getOrDefault(flowId, Map.of());
        return new FlowMetricsSnapshot(c.getOrDefault(Metric.ENROLLED, 0L), c.getOrDefault(Metric.COMPLETED, 0L),
                c.getOrDefault(Metric.UNENROLLED, 0L), c.getOrDefault(Metric.GOAL_CONVERSIONS, 0L),
                Map.copyOf(reasons.getOrDefault(flowId, Map.of())),
                Map.copyOf(actions.getOrDefault(flowId, Map.of())));
    }
}
