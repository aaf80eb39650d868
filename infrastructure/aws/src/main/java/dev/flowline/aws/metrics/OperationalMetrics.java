package dev.flowline.aws.metrics;

/**
 * Counts of what Flowline did, for an operator's dashboards and alarms (CloudWatch metrics in namespace
 * {@code Flowline}). The engine knows nothing of them: its ports are counted from outside ({@link MeteredPorts}),
 * and the handlers count what only they see (poison messages sent to a dead-letter queue).
 */
@FunctionalInterface
public interface OperationalMetrics {

    /** Counts nothing: tests and the local runtime. */
    OperationalMetrics NONE = (name, amount) -> {
    };

    void count(String name, long amount);

    default void count(String name) {
        count(name, 1);
    }
}
