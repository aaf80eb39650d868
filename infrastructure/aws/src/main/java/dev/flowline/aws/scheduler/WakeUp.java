package dev.flowline.aws.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * "Wake the steps due in this minute": the input a one-time schedule hands the delay waker,
 * {@code {"dueMinute":"2026-11-23T10:15Z"}}. Any instant given is cut to the start of its minute.
 */
public record WakeUp(Instant dueMinute) {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmX").withZone(ZoneOffset.UTC);

    public WakeUp {
        dueMinute = dueMinute.truncatedTo(ChronoUnit.MINUTES);
    }

    public String toJson() {
        return FlowlineJson.mapper().createObjectNode().put("dueMinute", MINUTE.format(dueMinute)).toString();
    }

    public static WakeUp parse(String json) {
        JsonNode minute = FlowlineJson.read(json, JsonNode.class).path("dueMinute");
        if (!minute.isTextual()) {
            throw new IllegalArgumentException("a wake-up needs a dueMinute such as 2026-11-23T10:15Z: " + json);
        }
        return new WakeUp(Instant.from(MINUTE.parse(minute.asText())));
    }
}
