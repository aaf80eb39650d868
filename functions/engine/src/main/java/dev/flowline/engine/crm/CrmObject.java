package dev.flowline.engine.crm;

import dev.flowline.engine.contact.PropertySource;
import dev.flowline.engine.contact.PropertyValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A CRM record other than a contact: a company, deal, ticket, task or note, with its property values.
 *
 * @param archived whether it was archived (HubSpot's soft delete): an archived record is neither read nor listed
 */
public record CrmObject(CrmObjectType type, String id, Map<String, String> properties, Instant createdAt,
                        Instant updatedAt, boolean archived) implements PropertySource {

    public CrmObject {
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** A new, live record. */
    public static CrmObject created(CrmObjectType type, String id, Map<String, String> properties, Instant at) {
        return new CrmObject(type, id, properties, at, at, false);
    }

    @Override
    public Optional<String> value(String property) {
        return Optional.ofNullable(properties.get(property)).filter(value -> !value.isEmpty());
    }

    /** The current value only, as of the record's last change: Flowline keeps no history of these records. */
    @Override
    public List<PropertyValue> history(String property) {
        return value(property).map(value -> List.of(new PropertyValue(value, updatedAt))).orElse(List.of());
    }

    public ObjectRef ref() {
        return new ObjectRef(type, id);
    }
}
