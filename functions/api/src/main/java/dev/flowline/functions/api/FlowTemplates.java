package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.json.FlowlineJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Ready-made flows a user starts from: each is a v4 flow in {@code templates/<templateId>.json} on the class
 * path, with its name and description, no id and turned off.
 */
final class FlowTemplates {

    static final List<String> IDS = List.of("welcome-series", "lead-nurturing", "re-engagement", "event-follow-up");

    /** One template: its id and the flow it creates. */
    record Template(String templateId, String name, String description, ObjectNode flow) {
    }

    private FlowTemplates() {
    }

    static List<Template> all() {
        return IDS.stream().map(id -> find(id).orElseThrow()).toList();
    }

    static Optional<Template> find(String templateId) {
        if (!IDS.contains(templateId)) {
            return Optional.empty();
        }
        try (InputStream in = FlowTemplates.class.getResourceAsStream("/templates/" + templateId + ".json")) {
            if (in == null) {
                throw new IllegalStateException("the template " + templateId + " is missing from the class path");
            }
            var flow = (ObjectNode) FlowlineJson.mapper().readTree(in);
            return Optional.of(new Template(templateId, text(flow, "name"), text(flow, "description"), flow));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode flow, String field) {
        return flow.path(field).asText(null);
    }
}
