package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.Engine;
import dev.flowline.engine.Page;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.crm.ObjectRef;
import dev.flowline.engine.privacy.ContactEraser;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot's CRM v3 contacts API: {@code /crm/v3/objects/contacts}, single and batch, and the privacy deletion
 * ({@code gdpr-delete}).
 */
final class ContactRoutes implements Routes {

    private static final String BASE = "/crm/v3/objects/contacts";
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 100;

    private final Clock clock;
    private final ContactStore store;
    private final ContactWrites contacts;
    private final ContactEraser eraser;
    private final CrmObjectStore crmObjects;

    ContactRoutes(Engine engine) {
        this.clock = engine.ports().clock();
        this.store = engine.ports().contacts();
        this.contacts = new ContactWrites(engine);
        this.eraser = engine.contactEraser();
        this.crmObjects = engine.ports().crmObjects();
    }

    @Override
    public void register(Router router) {
        router.post(BASE + "/batch/create", this::batchCreate)
                .post(BASE + "/batch/read", this::batchRead)
                .post(BASE + "/batch/update", this::batchUpdate)
                .post(BASE + "/batch/archive", this::batchArchive)
                .post(BASE + "/gdpr-delete", this::gdprDelete)
                .post(BASE, this::create)
                .get(BASE, this::page)
                .get(BASE + "/{contactId}", this::read)
                .patch(BASE + "/{contactId}", this::update)
                .delete(BASE + "/{contactId}", this::archive);
    }

    private ApiResponse create(ApiRequest request) {
        var errors = new ArrayList<ApiError>();
        Map<String, String> properties = ContactWrites.properties(request.json(), "", errors);
        requireValid(errors);
        return ApiResponse.created(ContactJson.ALL.render(contacts.create(properties)));
    }

    private ApiResponse read(ApiRequest request) {
        Contact contact = contacts.existing(request.pathParameter("contactId"), request.queryParameter("idProperty"),
                "contactId");
        ObjectNode json = ContactJson.of(request).render(contact);
        CrmObjectJson.of(request).addAssociations(json, ObjectRef.contact(contact.id()), crmObjects);
        return ApiResponse.ok(json);
    }

    private ApiResponse update(ApiRequest request) {
        Contact contact = contacts.existing(request.pathParameter("contactId"), request.queryParameter("idProperty"),
                "contactId");
        var errors = new ArrayList<ApiError>();
        Map<String, String> properties = ContactWrites.properties(request.json(), "", errors);
        requireValid(errors);
        contacts.requireUniqueEmails(ContactWrites.emailsOf(List.of(contact.id()), List.of(properties)));
        return ApiResponse.ok(ContactJson.ALL.render(contacts.update(contact, properties)));
    }

    private ApiResponse archive(ApiRequest request) {
        store.find(request.pathParameter("contactId")).ifPresent(contacts::archive);
        return ApiResponse.noContent();
    }

    /**
     * Erases the contact named by {@code objectId} (its id, or its email with {@code "idProperty": "email"}) and
     * everything stored about it. A contact that does not exist is no error: the request may be a repeat.
     */
    private ApiResponse gdprDelete(ApiRequest request) {
        JsonNode body = request.json();
        JsonNode objectId = body.path("objectId");
        JsonNode idProperty = body.path("idProperty");
        var errors = new ArrayList<ApiError>();
        if (!objectId.isTextual() && !objectId.isIntegralNumber() || objectId.asText().isEmpty()) {
            errors.add(new ApiError("/objectId", "objectId is required"));
        }
        if (!idProperty.isMissingNode() && !idProperty.isNull() && !idProperty.isTextual()) {
            errors.add(new ApiError("/idProperty", "idProperty must be a string"));
        }
        requireValid(errors);
        Optional<String> byProperty = Optional.ofNullable(idProperty.textValue());
        contacts.find(objectId.asText(), byProperty, "/objectId").map(Contact::id)
                .or(() -> byProperty.isEmpty() ? Optional.of(objectId.asText()) : Optional.empty()) // deleted restorably
                .ifPresent(eraser::erase);
        return ApiResponse.noContent();
    }

    private ApiResponse page(ApiRequest request) {
        int limit = Paging.limit(request, DEFAULT_LIMIT, MAX_LIMIT);
        Page<Contact> page = store.page(request.queryParameter("after").orElse(null), limit);
        ContactJson json = ContactJson.of(request);
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        var results = body.putArray("results");
        page.items().forEach(contact -> results.add(json.render(contact)));
        Paging.next(body, page.next());
        return ApiResponse.ok(body);
    }

    private ApiResponse batchCreate(ApiRequest request) {
        List<JsonNode> inputs = inputs(request);
        var errors = new ArrayList<ApiError>();
        var properties = new ArrayList<Map<String, String>>();
        for (int i = 0; i < inputs.size(); i++) {
            properties.add(ContactWrites.properties(inputs.get(i), "/inputs/" + i, errors));
        }
        requireValid(errors);
        Instant started = clock.instant();
        return batch(201, started, contacts.createAll(properties), ContactJson.ALL, List.of());
    }

    private ApiResponse batchRead(ApiRequest request) {
        JsonNode body = request.json();
        List<JsonNode> inputs = inputs(request);
        var errors = new ArrayList<ApiError>();
        List<String> ids = ids(inputs, errors);
        requireValid(errors);
        Optional<String> idProperty = Optional.ofNullable(body.path("idProperty").textValue());
        Instant started = clock.instant();
        var found = new ArrayList<Contact>();
        var missing = new ArrayList<String>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            contacts.find(id, idProperty, "/inputs/" + i + "/id").ifPresentOrElse(found::add, () -> missing.add(id));
        }
        return batch(missing.isEmpty() ? 200 : 207, started, found, ContactJson.of(body), missing);
    }

    private ApiResponse batchUpdate(ApiRequest request) {
        List<JsonNode> inputs = inputs(request);
        var errors = new ArrayList<ApiError>();
        List<String> ids = ids(inputs, errors);
        var properties = new ArrayList<Map<String, String>>();
        var found = new ArrayList<Contact>();
        for (int i = 0; i < inputs.size(); i++) {
            properties.add(ContactWrites.properties(inputs.get(i), "/inputs/" + i, errors));
            String id = ids.get(i);
            Optional<Contact> contact = id == null ? Optional.empty() : store.find(id);
            contact.ifPresent(found::add);
            if (id != null && contact.isEmpty()) {
                errors.add(new ApiError("/inputs/" + i + "/id", "there is no contact " + id));
            }
        }
        requireValid(errors);
        contacts.requireUniqueEmails(ContactWrites.emailsOf(ids, properties));
        Instant started = clock.instant();
        var updated = new ArrayList<Contact>();
        for (int i = 0; i < found.size(); i++) {
            updated.add(contacts.update(found.get(i), properties.get(i)));
        }
        return batch(200, started, updated, ContactJson.ALL, List.of());
    }

    private ApiResponse batchArchive(ApiRequest request) {
        var errors = new ArrayList<ApiError>();
        List<String> ids = ids(inputs(request), errors);
        requireValid(errors);
        ids.forEach(id -> store.find(id).ifPresent(contacts::archive));
        return ApiResponse.noContent();
    }

    /** HubSpot's BatchResponse, with an error naming the ids that were not found (a 207). */
    private ApiResponse batch(int status, Instant started, List<Contact> results, ContactJson json,
                              List<String> missing) {
        ObjectNode body = FlowlineJson.mapper().createObjectNode().put("status", "COMPLETE");
        var array = body.putArray("results");
        results.forEach(contact -> array.add(json.render(contact)));
        if (!missing.isEmpty()) {
            ObjectNode error = body.putArray("errors").addObject().put("status", "error")
                    .put("category", "OBJECT_NOT_FOUND").put("message", "Could not get some CONTACT objects, "
                            + "they may be deleted or not exist.");
            missing.forEach(error.putObject("context").putArray("ids")::add);
            body.put("numErrors", 1);
        }
        body.put("startedAt", started.toString()).put("completedAt", clock.instant().toString());
        return ApiResponse.json(status, body);
    }

    private static List<JsonNode> inputs(ApiRequest request) {
        JsonNode inputs = request.json().path("inputs");
        if (!inputs.isArray()) {
            throw ApiException.invalid("the body needs an inputs array",
                    List.of(new ApiError("/inputs", "inputs must be an array")));
        }
        var list = new ArrayList<JsonNode>();
        inputs.forEach(list::add);
        return list;
    }

    /** Each input's {@code id}, null (with an error) where it is missing. */
    private static List<String> ids(List<JsonNode> inputs, List<ApiError> errors) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode id = inputs.get(i).path("id");
            if (!id.isTextual() && !id.isIntegralNumber() || id.asText().isEmpty()) {
                errors.add(new ApiError("/inputs/" + i + "/id", "id is required"));
                ids.add(null);
            } else {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    static void requireValid(List<ApiError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.invalid("the request has " + errors.size() + " problem(s)", errors);
        }
    }
}
