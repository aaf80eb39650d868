package dev.flowline.aws.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.activation.Segment;
import dev.flowline.engine.json.FlowlineJson;

/**
 * An activation segment as it travels on the activation queue: the segment's fields and the {@code "account"}
 * whose engine runs it. The queue is shared by all accounts.
 */
public record QueuedSegment(Account account, Segment segment) {

    public String toJson() {
        ObjectNode json = FlowlineJson.mapper().createObjectNode().put("account", account.id());
        json.setAll(FlowlineJson.mapper().<ObjectNode>valueToTree(segment));
        return json.toString();
    }

    /** A message without an account (a sample event, say) belongs to {@code unnamed}. */
    public static QueuedSegment parse(String json, Account unnamed) {
        JsonNode node = FlowlineJson.read(json, JsonNode.class);
        Account account = node.hasNonNull("account") ? new Account(node.get("account").asText()) : unnamed;
        return new QueuedSegment(account, FlowlineJson.read(node, Segment.class));
    }
}
