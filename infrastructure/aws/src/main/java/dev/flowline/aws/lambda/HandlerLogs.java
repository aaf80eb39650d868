package dev.flowline.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.flowline.aws.metrics.EmfMetrics;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.util.function.Supplier;

/** Runs one invocation with Powertools' Lambda fields (request id, cold start...) in its JSON logs, and its metrics. */
public final class HandlerLogs {

    private HandlerLogs() {
    }

    /**
     * {@code context} is null when a handler is driven outside Lambda (tests, the local runtime). In Lambda, the
     * metrics the invocation counted are written at its end ({@link EmfMetrics}), whether it succeeded or not.
     */
    public static <T> T around(Context context, Supplier<T> invocation) {
        if (context == null) {
            return invocation.get();
        }
        try {
            return PowertoolsLogging.withLogging(context, invocation);
        } finally {
            EmfMetrics.INSTANCE.flush();
        }
    }
}
