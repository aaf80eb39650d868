package dev.flowline.engine.history;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Increments of one flow's counters made together, as one run of steps makes them, to be written at once. */
public final class FlowCounts {

    private final Map<Metric, Long> metrics = new EnumMap<>(Metric.class);
    private final Map<String, Map<HistoryKind, Long>> actions = new LinkedHashMap<>();

    public void increment(Metric metric) {
        metrics.merge(metric, 1L, Long::sum);
    }

    public void action(String actionId, HistoryKind outcome) {
        actions.computeIfAbsent(actionId, a -> new EnumMap<>(HistoryKind.class)).merge(outcome, 1L, Long::sum);
    }

    public boolean isEmpty() {
        return metrics.isEmpty() && actions.isEmpty();
    }

    /** Each metric and by how much it grew. */
    public Map<Metric, Long> metrics() {
        return Map.copyOf(metrics);
    }

    /** Each action's outcomes and how many of each. */
    public Map<String, Map<HistoryKind, Long>> actions() {
        return Map.copyOf(actions);
    }
}
