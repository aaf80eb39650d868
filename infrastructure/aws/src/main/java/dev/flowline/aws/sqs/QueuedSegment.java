package dev.flowline.aws.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.activation.Segment;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Instant;

/**
 * An activation segment as it travels on the activation queue: the segment's fields and the {@code "account"}
 * whose engine runs it, times as ISO-8601 text. The queue is shared by all accounts.
 */
public record QueuedSegment(Account account, Segment segment) {

    public String toJson() {
        ObjectNode json = FlowlineJson.mapper().createObjectNode().put("account", account.id());
        putKnown(json, "flowId", segment.flowId());
        json.put("segment", segment.segment()).put("totalSegments", segment.totalSegments());
        putKnown(json, "after", segment.after());
        putKnown(json, "journeyId", segment.journeyId());
        putKnown(json, "run", segment.run());
        putKnown(json, "runAt", segment.runAt());
        putKnown(json, "since", segment.since());
        return json.toString();
    }

    private static void putKnown(ObjectNode json, String field, Object value) {
        if (value != null) {
            json.put(field, value.toString());
        }
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
        return new QueuedSegment(account, new Segment(text(node, "flowId"), node.path("segment").asInt(),
                node.path("totalSegments").asInt(), text(node, "after"), text(node, "journeyId"),
                node.hasNonNull("run") ? Segment.Run.valueOf(node.get("run").asText()) : null,
                instant(node, "runAt"), instant(node, "since")));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
    }
}
