package dev.flowline.engine.crm;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CRM record other than a contact: a company, deal, ticket, task or note, with its property values.
 *
 * @param archived whether it was archived (HubSpot's soft delete): an archived record is neither read nor listed
 */
public record CrmObject(CrmObjectType type, String id, Map<String, String> properties, Instant createdAt,
                        Instant updatedAt, boolean archived) {

    public CrmObject {
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** A new, live record. */
    public static CrmObject created(CrmObjectType type, String id, Map<String, String> properties, Instant at) {
        return new CrmObject(type, id, properties, at, at, false);
    }

    public ObjectRef ref() {
        return new ObjectRef(type, id);
    }
}
