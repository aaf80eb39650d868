package dev.flowline.aws.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.enrolment.StepMessage;
import dev.flowline.engine.json.FlowlineJson;

import java.util.ArrayList;
import java.util.List;

/**
 * A step message as it travels on the step queue: {@code {"account","enrolmentId","sequence"}}, plus the
 * {@link CauseChain} it was scheduled under ({@code "causes"}, left out when empty), so a loop of flows
 * that trigger each other is still seen across the queue. The queue is shared by all accounts.
 */
public record QueuedStep(Account account, StepMessage step, List<String> causes) {

    public QueuedStep {
        causes = List.copyOf(causes);
    }

    public String toJson() {
        var json = FlowlineJson.mapper().createObjectNode()
                .put("account", account.id())
                .put("enrolmentId", step.enrolmentId())
                .put("sequence", step.sequence());
        if (!causes.isEmpty()) {
            causes.forEach(json.putArray("causes")::add);
        }
        return json.toString();
    }

    /** A message without an account (sent before steps named theirs) belongs to {@code unnamed}. */
    public static QueuedStep parse(String json, Account unnamed) {
        JsonNode node = FlowlineJson.read(json, JsonNode.class);
        var causes = new ArrayList<String>();
        node.path("causes").forEach(cause -> causes.add(cause.asText()));
        Account account = node.hasNonNull("account") ? new Account(node.get("account").asText()) : unnamed;
        return new QueuedStep(account, new StepMessage(node.path("enrolmentId").asText(), node.path("sequence").asLong()),
                causes);
    }
}
