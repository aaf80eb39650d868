package dev.flowline.engine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads one member of a HubSpot union (a JSON object told apart by a discriminator field). A member the
 * engine does not know is kept whole by {@code unknown}, so that it survives a round trip.
 */
public final class Union<T> extends StdDeserializer<T> {

    private final List<String> discriminators;
    private final Map<String, Class<? extends T>> members;
    private final Function<ObjectNode, ? extends T> unknown;

    public Union(Class<T> base, List<String> discriminators, Map<String, Class<? extends T>> members,
                 Function<ObjectNode, ? extends T> unknown) {
        super(base);
        this.discriminators = discriminators;
        this.members = members;
        this.unknown = unknown;
    }

    public static <T> Union<T> of(Class<T> base, String discriminator, Map<String, Class<? extends T>> members,
                                  Function<ObjectNode, ? extends T> unknown) {
        return new Union<>(base, List.of(discriminator), members, unknown);
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        if (!(node instanceof ObjectNode object)) {
            return context.reportInputMismatch(handledType(), "expected a JSON object, got %s", node.getNodeType());
        }
        String kind = discriminatorOf(object);
        Class<? extends T> member = kind == null ? null : members.get(kind);
        return member == null ? unknown.apply(object) : context.readTreeAsValue(object, member);
    }

    private String discriminatorOf(ObjectNode node) {
        for (String field : discriminators) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }
}
