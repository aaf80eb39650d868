package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.Engine;
import dev.flowline.engine.Page;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.crm.AssociationInput;
import dev.flowline.engine.crm.AssociationTypes;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.CrmObjects;
import dev.flowline.engine.crm.CrmRejection;
import dev.flowline.engine.crm.ObjectRef;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HubSpot's CRM v3 objects API for the records beside contacts, {@code /crm/v3/objects/{objectType}} (companies,
 * deals, tickets, tasks and notes, by name or object type id), and the v4 associations API of any two records,
 * {@code /crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/{toObjectType}}, with HubSpot's default
 * association types. Archiving a record, or removing an association, that is not there is no error, as in HubSpot.
 */
final class CrmObjectRoutes implements Routes {

    private static final String V3 = "/crm/v3/objects/{objectType}";
    private static final String V4 = "/crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/{toObjectType}";
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 100;
    private static final int MAX_ASSOCIATION_LIMIT = 500;
    private static final int MAX_BATCH = 100;

    private final Clock clock;
    private final ContactStore contacts;
    private final CrmObjectStore store;
    private final CrmObjects crm;

    CrmObjectRoutes(Engine engine) {
        this.clock = engine.ports().clock();
        this.contacts = engine.ports().contacts();
        this.store = engine.ports().crmObjects();
        this.crm = engine.ports().crm();
    }

    @Override
    public void register(Router router) {
        router.post(V3 + "/batch/read", this::batchRead)
                .post(V3, this::create)
                .get(V3, this::page)
                .get(V3 + "/{objectId}", this::read)
                .patch(V3 + "/{objectId}", this::update)
                .delete(V3 + "/{objectId}", this::archive)
                .get(V4, this::associations)
                .put(V4 + "/{toObjectId}", this::associate)
                .delete(V4 + "/{toObjectId}", this::dissociate);
    }

    private ApiResponse create(ApiRequest request) {
        CrmObjectType type = objectType(request.pathParameter("objectType"));
        JsonNode body = request.json();
        var errors = new ArrayList<ApiError>();
        Map<String, String> properties = properties(body, errors);
        List<AssociationInput> associations = associationInputs(type, body.path("associations"), errors);
        ContactRoutes.requireValid(errors);
        CrmObject created = rejectedAsInvalid(() -> crm.create(type, newId(), properties, associations));
        return ApiResponse.created(CrmObjectJson.of(request).render(created, store));
    }

    private ApiResponse read(ApiRequest request) {
        return ApiResponse.ok(CrmObjectJson.of(request).render(existing(request), store));
    }

    private ApiResponse update(ApiRequest request) {
        CrmObject object = existing(request);
        var errors = new ArrayList<ApiError>();
        Map<String, String> properties = properties(request.json(), errors);
        ContactRoutes.requireValid(errors);
        CrmObject updated = store.update(object.type(), object.id(), properties, clock.instant())
                .orElseThrow(() -> notFound(object.type(), object.id()));
        return ApiResponse.ok(CrmObjectJson.of(request).render(updated, store));
    }

    private ApiResponse archive(ApiRequest request) {
        store.archive(objectType(request.pathParameter("objectType")), request.pathParameter("objectId"),
                clock.instant());
        return ApiResponse.noContent();
    }

    private ApiResponse page(ApiRequest request) {
        CrmObjectType type = objectType(request.pathParameter("objectType"));
        int limit = Paging.limit(request, DEFAULT_LIMIT, MAX_LIMIT);
        Page<CrmObject> page = store.page(type, request.queryParameter("after").orElse(null), limit);
        CrmObjectJson json = CrmObjectJson.of(request);
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        var results = body.putArray("results");
        page.items().forEach(object -> results.add(json.render(object, store)));
        Paging.next(body, page.next());
        return ApiResponse.ok(body);
    }

    /** HubSpot's BatchResponse; ids of no live record make it a 207 with an error naming them. */
    private ApiResponse batchRead(ApiRequest request) {
        CrmObjectType type = objectType(request.pathParameter("objectType"));
        JsonNode body = request.json();
        JsonNode inputs = body.path("inputs");
        var errors = new ArrayList<ApiError>();
        if (!inputs.isArray() || inputs.size() > MAX_BATCH) {
            errors.add(new ApiError("/inputs", "inputs must be an array of at most " + MAX_BATCH + " ids"));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode id = inputs.path(i).path("id");
            if (!id.isTextual() && !id.isIntegralNumber() || id.asText().isEmpty()) {
                errors.add(new ApiError("/inputs/" + i + "/id", "id is required"));
            }
            ids.add(id.asText());
        }
        ContactRoutes.requireValid(errors);
        Instant started = clock.instant();
        List<CrmObject> found = store.findAll(type, ids).stream().filter(object -> !object.archived()).toList();
        CrmObjectJson json = CrmObjectJson.of(body);
        ObjectNode answer = FlowlineJson.mapper().createObjectNode().put("status", "COMPLETE");
        var results = answer.putArray("results");
        found.forEach(object -> results.add(json.render(object, store)));
        found.forEach(object -> ids.remove(object.id()));
        if (!ids.isEmpty()) {
            ObjectNode error = answer.putArray("errors").addObject().put("status", "error")
                    .put("category", "OBJECT_NOT_FOUND").put("message", "Could not get some "
                            + type.singular().toUpperCase(java.util.Locale.ROOT) + " objects, they may be deleted or "
                            + "not exist.");
            ids.forEach(error.putObject("context").putArray("ids")::add);
            answer.put("numErrors", 1);
        }
        answer.put("startedAt", started.toString()).put("completedAt", clock.instant().toString());
        return ApiResponse.json(ids.isEmpty() ? 200 : 207, answer);
    }

    /** v4: the records of one type associated with a record, each with its association types. */
    private ApiResponse associations(ApiRequest request) {
        ObjectRef from = existingRef(request.pathParameter("fromObjectType"), request.pathParameter("fromObjectId"));
        CrmObjectType toType = anyType(request.pathParameter("toObjectType"));
        int limit = Paging.limit(request, MAX_ASSOCIATION_LIMIT, MAX_ASSOCIATION_LIMIT);
        var page = store.associations(from, toType, request.queryParameter("after").orElse(null), limit);
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        var results = body.putArray("results");
        page.items().forEach(association -> {
            ObjectNode result = results.addObject();
            putId(result, "toObjectId", association.to().id());
            var types = result.putArray("associationTypes");
            association.typeIds().forEach(typeId -> types.addObject()
                    .put("category", AssociationTypes.HUBSPOT_DEFINED).put("typeId", typeId)
                    .put("label", AssociationTypes.of(from.type(), toType, typeId).orElseThrow().label()));
        });
        Paging.next(body, page.next());
        return ApiResponse.ok(body);
    }

    /** v4: associates two records by the types of the body (an array; empty: the default type). */
    private ApiResponse associate(ApiRequest request) {
        ObjectRef from = existingRef(request.pathParameter("fromObjectType"), request.pathParameter("fromObjectId"));
        ObjectRef to = existingRef(request.pathParameter("toObjectType"), request.pathParameter("toObjectId"));
        JsonNode body = request.json();
        var errors = new ArrayList<ApiError>();
        if (!body.isArray()) {
            errors.add(new ApiError("", "the body must be an array of association types"));
        }
        Set<Integer> typeIds = typeIds(from.type(), to.type(), body, "", errors);
        ContactRoutes.requireValid(errors);
        var association = rejectedAsInvalid(() -> crm.associate(from, to, typeIds));
        ObjectNode answer = FlowlineJson.mapper().createObjectNode().put("fromObjectTypeId", from.type().id());
        putId(answer, "fromObjectId", from.id());
        answer.put("toObjectTypeId", to.type().id());
        putId(answer, "toObjectId", to.id());
        var labels = answer.putArray("labels");
        association.typeIds().stream().map(id -> AssociationTypes.of(from.type(), to.type(), id).orElseThrow().label())
                .filter(java.util.Objects::nonNull).forEach(labels::add);
        return ApiResponse.created(answer);
    }

    private ApiResponse dissociate(ApiRequest request) {
        store.removeAssociation(
                new ObjectRef(anyType(request.pathParameter("fromObjectType")), request.pathParameter("fromObjectId")),
                new ObjectRef(anyType(request.pathParameter("toObjectType")), request.pathParameter("toObjectId")));
        return ApiResponse.noContent();
    }

    /** The body's {@code properties}: an object of text, number or boolean values, each a valid name. */
    static Map<String, String> properties(JsonNode body, List<ApiError> errors) {
        JsonNode properties = body.path("properties");
        Map<String, String> values = new LinkedHashMap<>();
        if (!properties.isObject()) {
            errors.add(new ApiError("/properties", "properties must be an object"));
            return values;
        }
        properties.properties().forEach(entry -> {
            String in = "/properties/" + entry.getKey();
            dev.flowline.engine.contact.PropertyName.problem(entry.getKey()).ifPresentOrElse(
                    problem -> errors.add(new ApiError(in, problem, ApiError.PROPERTY_DOESNT_EXIST)),
                    () -> {
                        JsonNode value = entry.getValue();
                        if (value.isValueNode()) {
                            values.put(entry.getKey(), value.isNull() ? "" : value.asText());
                        } else {
                            errors.add(new ApiError(in, "a property value must be text, a number or a boolean"));
                        }
                    });
        });
        return values;
    }

    /** {@code associations: [{to: {id}, types: [{associationCategory, associationTypeId}]}]}. */
    static List<AssociationInput> associationInputs(CrmObjectType from, JsonNode associations,
                                                            List<ApiError> errors) {
        var inputs = new ArrayList<AssociationInput>();
        if (associations.isMissingNode() || associations.isNull()) {
            return inputs;
        }
        if (!associations.isArray() || associations.size() > CrmObjects.MAX_ASSOCIATIONS) {
            errors.add(new ApiError("/associations", "associations must be an array of at most "
                    + CrmObjects.MAX_ASSOCIATIONS));
            return inputs;
        }
        for (int i = 0; i < associations.size(); i++) {
            String at = "/associations/" + i;
            JsonNode association = associations.get(i);
            JsonNode id = association.path("to").path("id");
            if (!id.isTextual() && !id.isIntegralNumber() || id.asText().isEmpty()) {
                errors.add(new ApiError(at + "/to/id", "to.id is required"));
            }
            JsonNode types = association.path("types");
            if (!types.isArray() || types.isEmpty()) {
                errors.add(new ApiError(at + "/types", "types must name at least one association type"));
                continue;
            }
            Set<CrmObjectType> targets = new LinkedHashSet<>();
            Set<Integer> typeIds = typeIds(from, null, types, at + "/types", errors);
            typeIds.forEach(typeId -> AssociationTypes.from(from, typeId).ifPresent(t -> targets.add(t.to())));
            if (targets.size() > 1) {
                errors.add(new ApiError(at + "/types", "the types of one association must lead to one object type"));
            } else if (!targets.isEmpty()) {
                inputs.add(new AssociationInput(new ObjectRef(targets.iterator().next(), id.asText()), typeIds));
            }
        }
        return inputs;
    }

    /** The type ids of an array of {@code {associationCategory, associationTypeId}} from {@code from} (to {@code to}). */
    private static Set<Integer> typeIds(CrmObjectType from, CrmObjectType to, JsonNode types, String at,
                                        List<ApiError> errors) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            JsonNode type = types.get(i);
            String in = at + "/" + i;
            if (!AssociationTypes.HUBSPOT_DEFINED.equals(type.path("associationCategory").asText())) {
                errors.add(new ApiError(in + "/associationCategory", "associationCategory must be HUBSPOT_DEFINED: "
                        + "Flowline keeps HubSpot's default association types, not custom labels"));
                continue;
            }
            JsonNode id = type.path("associationTypeId");
            var known = id.canConvertToInt() ? AssociationTypes.from(from, id.asInt())
                    .filter(t -> to == null || t.to() == to) : java.util.Optional.<AssociationTypes.Type>empty();
            if (known.isEmpty()) {
                errors.add(new ApiError(in + "/associationTypeId", "there is no association type " + id.asText()
                        + " from " + from.plural() + (to == null ? "" : " to " + to.plural())));
            } else {
                ids.add(known.get().id());
            }
        }
        return ids;
    }

    /** The live record of the path's {@code objectType} and {@code objectId}; a 404 when there is none. */
    private CrmObject existing(ApiRequest request) {
        CrmObjectType type = objectType(request.pathParameter("objectType"));
        String id = request.pathParameter("objectId");
        return store.find(type, id).filter(object -> !object.archived()).orElseThrow(() -> notFound(type, id));
    }

    /** A record of any type, contacts included, that exists; a 404 when it does not. */
    private ObjectRef existingRef(String typeName, String id) {
        var ref = new ObjectRef(anyType(typeName), id);
        boolean exists = ref.isContact() ? contacts.find(id).isPresent()
                : store.find(ref.type(), id).filter(object -> !object.archived()).isPresent();
        if (!exists) {
            throw notFound(ref.type(), id);
        }
        return ref;
    }

    /** A type the v3 objects routes serve: any but contacts, which have routes of their own. */
    private static CrmObjectType objectType(String name) {
        CrmObjectType type = anyType(name);
        if (type == CrmObjectType.CONTACT) {
            throw ApiException.badRequest("contacts are served at /crm/v3/objects/contacts");
        }
        return type;
    }

    private static CrmObjectType anyType(String name) {
        return CrmObjectType.named(name).orElseThrow(() -> ApiException.badRequest(
                "Unable to infer object type from: " + name));
    }

    private static ApiException notFound(CrmObjectType type, String id) {
        return ApiException.notFound("Could not find " + type.singular() + " " + id);
    }

    private static <T> T rejectedAsInvalid(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (CrmRejection e) {
            throw ApiException.invalid(e.getMessage(), List.of(new ApiError("/associations", e.getMessage())));
        }
    }

    /** HubSpot's v4 ids are numbers: an id that is one is written as one. */
    private static void putId(ObjectNode json, String field, String id) {
        if (id.matches("[0-9]{1,18}")) {
            json.put(field, Long.parseLong(id));
        } else {
            json.put(field, id);
        }
    }

    private static String newId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000_000L));
    }
}
