package dev.flowline.engine.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something a contact did or that happened to it: a form submission, a page view, an email event, a
 * custom behavioural event. {@code eventTypeId} uses HubSpot's ids where they exist ({@link StandardEvents}).
 */
public record ActivityEvent(String eventTypeId, Instant occurredAt, Map<String, String> properties)
        implements PropertySource {

    public ActivityEvent {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    @Override
    public Optional<String> value(String property) {
        return Optional.ofNullable(properties.get(property)).filter(v -> !v.isEmpty());
    }

    @Override
    public List<PropertyValue> history(String property) {
        String v = properties.get(property);
        return v == null ? List.of() : List.of(new PropertyValue(v, occurredAt));
    }
}
