package dev.flowline.aws.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.enrolment.StepMessage;
import dev.flowline.engine.json.FlowlineJson;

import java.util.ArrayList;
import java.util.List;

/**
 * A step message as it travels on the step queue: {@code {"enrolmentId","sequence"}}, plus the
 * {@link CauseChain} it was scheduled under ({@code "causes"}, left out when empty), so a loop of flows
 * that trigger each other is still seen across the queue.
 */
public record QueuedStep(StepMessage step, List<String> causes) {

    public QueuedStep {
        causes = List.copyOf(causes);
    }

    public String toJson() {
        var json = FlowlineJson.mapper().createObjectNode()
                .put("enrolmentId", step.enrolmentId())
                .put("sequence", step.sequence());
        if (!causes.isEmpty()) {
            causes.forEach(json.putArray("causes")::add);
        }
        return json.toString();
    }

    public static QueuedStep parse(String json) {
        JsonNode node = FlowlineJson.read(json, JsonNode.class);
        var causes = new ArrayList<String>();
        node.path("causes").forEach(cause -> causes.add(cause.asText()));
        return new QueuedStep(new StepMessage(node.path("enrolmentId").asText(), node.path("sequence").asLong()),
                causes);
    }
}
