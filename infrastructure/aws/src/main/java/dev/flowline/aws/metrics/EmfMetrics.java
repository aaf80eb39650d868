package dev.flowline.aws.metrics;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts as CloudWatch embedded metrics (EMF) through Powertools Metrics: a log line a Lambda invocation, which
 * CloudWatch turns into metrics of namespace {@code POWERTOOLS_METRICS_NAMESPACE} with the dimension
 * {@code Service} ({@code POWERTOOLS_SERVICE_NAME}). No API call, so no permission and no latency.
 */
public final class EmfMetrics implements OperationalMetrics {

    public static final EmfMetrics INSTANCE = new EmfMetrics();

    private final AtomicBoolean counted = new AtomicBoolean();

    private EmfMetrics() {
    }

    @Override
    public void count(String name, long amount) {
        metrics().addMetric(name, amount, MetricUnit.COUNT);
        counted.set(true);
    }

    /** Writes what this invocation counted, if it counted anything (an empty flush would log a warning). */
    public void flush() {
        if (counted.getAndSet(false)) {
            metrics().flush();
        }
    }

    private static Metrics metrics() {
        return MetricsFactory.getMetricsInstance();
    }
}
