package dev.flowline.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.util.function.Supplier;

/** Runs one invocation with Powertools' Lambda fields (request id, cold start...) in its JSON logs. */
public final class HandlerLogs {

    private HandlerLogs() {
    }

    /** {@code context} is null when a handler is driven outside Lambda (tests, the local runtime). */
    public static <T> T around(Context context, Supplier<T> invocation) {
        return context == null ? invocation.get() : PowertoolsLogging.withLogging(context, invocation);
    }
}
