package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.Page;
import dev.flowline.engine.contact.PropertyName;
import dev.flowline.engine.crm.Association;
import dev.flowline.engine.crm.AssociationTypes;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.ObjectRef;
import dev.flowline.engine.json.FlowlineJson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * CRM v3's shapes of records other than contacts ({@code {id, properties, createdAt, updatedAt, archived,
 * associations?}}), and of the {@code associations} that reads of any record add when asked
 * ({@code associations=contacts,companies}): per object type, each associated record once per association type,
 * named as HubSpot names it ({@code task_to_contact}). Without {@code properties} asked for, every property the
 * record has is returned; {@code hs_object_id}, {@code hs_createdate} and {@code hs_lastmodifieddate} always are.
 */
record CrmObjectJson(Optional<List<String>> properties, List<CrmObjectType> associations) {

    private static final int ASSOCIATION_PAGE = 100;

    /** From the {@code properties} and {@code associations} query parameters (comma-separated). */
    static CrmObjectJson of(ApiRequest request) {
        return new CrmObjectJson(request.queryParameter("properties").map(CrmObjectJson::split),
                types(request.queryParameter("associations").map(CrmObjectJson::split).orElse(List.of())));
    }

    /** From a batch read body's {@code properties} array. */
    static CrmObjectJson of(JsonNode body) {
        if (!body.has("properties")) {
            return new CrmObjectJson(Optional.empty(), List.of());
        }
        var names = new ArrayList<String>();
        body.path("properties").forEach(name -> names.add(name.asText()));
        return new CrmObjectJson(Optional.of(names.stream().filter(PropertyName::isValid).toList()), List.of());
    }

    ObjectNode render(CrmObject object, CrmObjectStore store) {
        ObjectNode json = FlowlineJson.mapper().createObjectNode().put("id", object.id());
        ObjectNode values = json.putObject("properties");
        values.put("hs_object_id", object.id())
                .put("hs_createdate", object.createdAt().toString())
                .put("hs_lastmodifieddate", object.updatedAt().toString());
        properties.<List<String>>map(names -> names).orElse(List.copyOf(object.properties().keySet()))
                .forEach(name -> {
                    if (object.properties().containsKey(name) || !values.has(name)) {
                        values.put(name, object.properties().get(name));
                    }
                });
        json.put("createdAt", object.createdAt().toString())
                .put("updatedAt", object.updatedAt().toString())
                .put("archived", object.archived());
        addAssociations(json, object.ref(), store);
        return json;
    }

    /** Adds the {@code associations} asked for to a record's JSON; nothing when none were asked for. */
    void addAssociations(ObjectNode json, ObjectRef from, CrmObjectStore store) {
        if (associations.isEmpty()) {
            return;
        }
        ObjectNode all = json.putObject("associations");
        for (CrmObjectType type : associations) {
            var results = new ArrayList<ObjectNode>();
            String after = null;
            do {
                Page<Association> page = store.associations(from, type, after, ASSOCIATION_PAGE);
                page.items().forEach(association -> association.typeIds().forEach(typeId -> results.add(
                        FlowlineJson.mapper().createObjectNode().put("id", association.to().id()).put("type",
                                AssociationTypes.of(from.type(), type, typeId).orElseThrow().name()))));
                after = page.next().orElse(null);
            } while (after != null);
            if (!results.isEmpty()) {
                all.putObject(type.plural()).putArray("results").addAll(results);
            }
        }
    }

    /** The object types named, those Flowline does not keep left out, as HubSpot leaves out unknown ones. */
    private static List<CrmObjectType> types(List<String> names) {
        return names.stream().flatMap(name -> CrmObjectType.named(name).stream()).distinct().toList();
    }

    private static List<String> split(String names) {
        return Arrays.stream(names.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }
}
