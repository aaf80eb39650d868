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

    /**
     * The segment in {@code json}. Flowline names the account of every segment it sends, so a message without one
     * can never be run: an {@link IllegalArgumentException}, which makes it a poison message.
     */
    public static QueuedSegment parse(String json) {
        JsonNode node = FlowlineJson.read(json, JsonNode.class);
        if (!node.hasNonNull("account")) {
            throw new IllegalArgumentException("the segment names no account");
        }
        Account account = new Account(node.get("account").asText());
        return new QueuedSegment(account, FlowlineJson.read(node, Segment.class));
    }
}
