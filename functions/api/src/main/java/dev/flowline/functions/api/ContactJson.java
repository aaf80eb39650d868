package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.PropertyName;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A contact in CRM v3's shape: {@code {id, properties, propertiesWithHistory?, createdAt, updatedAt, archived}}.
 * Without {@code properties} asked for, every property the contact has is returned. A name asked for that no
 * property can have ({@link PropertyName}) is left out, as HubSpot leaves out properties that do not exist.
 */
record ContactJson(Optional<List<String>> properties, List<String> propertiesWithHistory) {

    static final String CREATE_DATE = "createdate";
    static final String LAST_MODIFIED = "lastmodifieddate";
    static final String OBJECT_ID = "hs_object_id";

    static final ContactJson ALL = new ContactJson(Optional.empty(), List.of());

    /** From the {@code properties} and {@code propertiesWithHistory} query parameters (comma-separated). */
    static ContactJson of(ApiRequest request) {
        return new ContactJson(request.queryParameter("properties").map(ContactJson::split),
                request.queryParameter("propertiesWithHistory").map(ContactJson::split).orElse(List.of()));
    }

    /** From a batch read body's {@code properties} and {@code propertiesWithHistory} arrays. */
    static ContactJson of(JsonNode body) {
        return new ContactJson(body.has("properties") ? Optional.of(texts(body.path("properties"))) : Optional.empty(),
                texts(body.path("propertiesWithHistory")));
    }

    ObjectNode render(Contact contact) {
        ObjectNode json = FlowlineJson.mapper().createObjectNode().put("id", contact.id());
        ObjectNode values = json.putObject("properties");
        Collection<String> names = properties.<Collection<String>>map(p -> p).orElse(contact.propertyNames());
        names.stream().sorted().forEach(name -> values.put(name, contact.value(name).orElse(null)));
        if (!propertiesWithHistory.isEmpty()) {
            ObjectNode histories = json.putObject("propertiesWithHistory");
            for (String name : propertiesWithHistory) {
                var versions = histories.putArray(name);
                contact.history(name).reversed().forEach(version -> versions.addObject()
                        .put("value", version.isSet() ? version.value() : "")
                        .put("timestamp", version.timestamp().toString())
                        .put("sourceType", "API"));
            }
        }
        json.put("createdAt", createdAt(contact).toString());
        json.put("updatedAt", updatedAt(contact).toString());
        json.put("archived", false);
        return json;
    }

    static Instant createdAt(Contact contact) {
        return contact.value(CREATE_DATE).map(Instant::parse).orElse(updatedAt(contact));
    }

    static Instant updatedAt(Contact contact) {
        return contact.propertyNames().stream().flatMap(name -> contact.updatedAt(name).stream())
                .max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private static List<String> split(String names) {
        return Arrays.stream(names.split(",")).map(String::trim).filter(PropertyName::isValid).toList();
    }

    private static List<String> texts(JsonNode array) {
        var names = new ArrayList<String>();
        array.forEach(name -> names.add(name.asText()));
        names.removeIf(name -> !PropertyName.isValid(name));
        return names;
    }
}
