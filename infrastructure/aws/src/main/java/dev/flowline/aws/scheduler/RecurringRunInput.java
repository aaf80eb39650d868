package dev.flowline.aws.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.activation.RecurringRun;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Instant;
import java.util.Map;

/**
 * What a flow's recurring schedule hands the delay waker: {@code {"account":..., "flowId":..., "run":
 * "ENROLMENT_SCHEDULE"|"TIME_SWEEP", "scheduledTime":...}}. EventBridge Scheduler fills in the time the run was
 * due ({@value #SCHEDULED_TIME}), the same on every retry of that run.
 */
public record RecurringRunInput(Account account, String flowId, RecurringRun.Kind run, Instant scheduledTime) {

    /** EventBridge Scheduler's context attribute, replaced in a target's input by the run's due time. */
    static final String SCHEDULED_TIME = "<aws.scheduler.scheduled-time>";

    /** The schedule's input, with the run's due time left for EventBridge Scheduler to fill in. */
    static String template(Account account, String flowId, RecurringRun.Kind run) {
        return FlowlineJson.write(Map.of("account", account.id(), "flowId", flowId, "run", run.name(),
                "scheduledTime", SCHEDULED_TIME));
    }

    /** Whether the input is a recurring run's (it names one). */
    public static boolean isRun(Map<String, Object> input) {
        return input.containsKey("run") && input.containsKey("flowId");
    }

    public static RecurringRunInput parse(Map<String, Object> input) {
        JsonNode node = FlowlineJson.mapper().valueToTree(input);
        return new RecurringRunInput(new Account(node.path("account").asText()), node.path("flowId").asText(),
                RecurringRun.Kind.valueOf(node.path("run").asText()), Instant.parse(node.path("scheduledTime").asText()));
    }

    public String toJson() {
        return FlowlineJson.write(Map.of("account", account.id(), "flowId", flowId, "run", run.name(),
                "scheduledTime", scheduledTime.toString()));
    }
}
