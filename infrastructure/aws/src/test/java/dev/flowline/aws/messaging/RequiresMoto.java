package dev.flowline.aws.messaging;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A cloud-wiring test class that talks to moto's server on {@code AWS_ENDPOINT_URL}: skipped, with the reason,
 * when no endpoint is set, so a build without moto still passes. {@code .ci/run} starts the server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresMoto.Condition.class)
@interface RequiresMoto {

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Moto.endpoint().isPresent()
                    ? ConditionEvaluationResult.enabled("moto's server is at AWS_ENDPOINT_URL")
                    : ConditionEvaluationResult.disabled("AWS_ENDPOINT_URL is not set: this cloud-wiring test needs "
                            + "moto's server (python3 -m moto.server -p PORT), which .ci/run starts");
        }
    }
}
