package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.Engine;
import dev.flowline.engine.Page;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.definition.FlowValidator;
import dev.flowline.engine.enrolment.EngineContext;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.json.InvalidJsonException;
import dev.flowline.engine.list.ContactList;
import dev.flowline.engine.list.ListMemberships;
import dev.flowline.engine.list.ListStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HubSpot's Lists v3 API for contact lists: {@code /crm/v3/lists}. MANUAL and SNAPSHOT lists hold members
 * (on the contact, where filters read them, and in the list store, for the listing); a SNAPSHOT list is
 * filled once from its filter when created. A DYNAMIC list holds no members: its membership is evaluated
 * when read, page by page over the contacts, and filters evaluate {@code IN_LIST} from its filter branch, so
 * both follow contact changes with nothing to keep up to date.
 */
final class ListRoutes implements Routes {

    private static final String BASE = "/crm/v3/lists";
    private static final String CONTACT_OBJECT_TYPE = "0-1";
    private static final List<String> PROCESSING_TYPES = List.of(ListDefinition.MANUAL, ListDefinition.DYNAMIC,
            ListDefinition.SNAPSHOT);
    private static final int SNAPSHOT_PAGE = 100;

    private final Clock clock;
    private final ContactStore contacts;
    private final ListStore lists;
    private final ListMemberships memberships;
    private final EngineContext context;

    ListRoutes(Engine engine) {
        this.clock = engine.ports().clock();
        this.contacts = engine.ports().contacts();
        this.lists = engine.ports().lists();
        this.memberships = engine.listMemberships();
        this.context = engine.context();
    }

    @Override
    public void register(Router router) {
        router.post(BASE, this::create)
                .get(BASE + "/{listId}", request -> ApiResponse.ok(wrapped(existing(request))))
                .delete(BASE + "/{listId}", this::delete)
                .put(BASE + "/{listId}/memberships/add", request -> change(request, true))
                .put(BASE + "/{listId}/memberships/remove", request -> change(request, false))
                .get(BASE + "/{listId}/memberships", this::memberships)
                .get(BASE + "/records/" + CONTACT_OBJECT_TYPE + "/{contactId}/memberships", this::listsOfContact);
    }

    /** The MANUAL and SNAPSHOT lists the contact is a member of (DYNAMIC lists hold no members: see above). */
    private ApiResponse listsOfContact(ApiRequest request) {
        String contactId = request.pathParameter("contactId");
        Contact contact = contacts.find(contactId)
                .orElseThrow(() -> ApiException.notFound("Could not find contact " + contactId));
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        var results = body.putArray("results");
        contact.staticListIds().stream().sorted().forEach(listId -> results.addObject().put("listId", listId));
        body.put("total", results.size());
        return ApiResponse.ok(body);
    }

    private ApiResponse create(ApiRequest request) {
        JsonNode body = request.json();
        var errors = new ArrayList<ApiError>();
        String name = body.path("name").textValue();
        if (name == null || name.isBlank()) {
            errors.add(new ApiError("/name", "name is required"));
        }
        if (!CONTACT_OBJECT_TYPE.equals(body.path("objectTypeId").textValue())) {
            errors.add(new ApiError("/objectTypeId", "objectTypeId must be \"0-1\" (contacts)"));
        }
        String processingType = body.path("processingType").textValue();
        if (processingType == null || !PROCESSING_TYPES.contains(processingType)) {
            errors.add(new ApiError("/processingType", "processingType must be one of MANUAL, DYNAMIC, SNAPSHOT"));
        }
        FilterBranch branch = filterBranch(body, processingType, errors);
        ContactRoutes.requireValid(errors);
        Instant now = clock.instant();
        var list = new ContactList(newId(), name, processingType, branch, now, now);
        lists.create(list);
        if (ListDefinition.SNAPSHOT.equals(processingType)) {
            fillSnapshot(list);
        }
        return ApiResponse.ok(wrapped(list));
    }

    /** A filter branch is required for DYNAMIC and SNAPSHOT lists and checked like a flow's filters. */
    private static FilterBranch filterBranch(JsonNode body, String processingType, List<ApiError> errors) {
        JsonNode json = body.path("filterBranch");
        if (json.isMissingNode() || json.isNull()) {
            if (ListDefinition.DYNAMIC.equals(processingType) || ListDefinition.SNAPSHOT.equals(processingType)) {
                errors.add(new ApiError("/filterBranch", "a " + processingType + " list needs a filterBranch"));
            }
            return null;
        }
        try {
            FilterBranch branch = FlowlineJson.read(json, FilterBranch.class);
            FlowValidator.validateFilterBranch(branch, "/filterBranch")
                    .forEach(problem -> errors.add(new ApiError(problem.path(), problem.message())));
            return branch;
        } catch (InvalidJsonException e) {
            errors.add(new ApiError("/filterBranch" + e.pointer(), e.getMessage()));
            return null;
        }
    }

    private void fillSnapshot(ContactList list) {
        String after = null;
        do {
            Page<Contact> page = contacts.page(after, SNAPSHOT_PAGE);
            memberships.add(list, page.items().stream().filter(contact -> passes(list, contact)).toList());
            after = page.next().orElse(null);
        } while (after != null);
    }

    private ApiResponse delete(ApiRequest request) {
        lists.delete(existing(request).listId());
        return ApiResponse.noContent();
    }

    /** Adds or removes the record ids of the body (a JSON array); ids of no contact come back as missing. */
    private ApiResponse change(ApiRequest request, boolean add) {
        ContactList list = existing(request);
        JsonNode body = request.json();
        if (!body.isArray()) {
            throw ApiException.invalid("the body must be an array of record ids",
                    List.of(new ApiError("", "the body must be an array of record ids")));
        }
        if (list.isDynamic()) {
            throw ApiException.badRequest("the members of a DYNAMIC list follow its filters; "
                    + "only MANUAL and SNAPSHOT lists take members");
        }
        Set<String> ids = new LinkedHashSet<>();
        body.forEach(id -> ids.add(id.asText()));
        var found = new ArrayList<Contact>();
        var missing = new ArrayList<String>();
        ids.forEach(id -> contacts.find(id).ifPresentOrElse(found::add, () -> missing.add(id)));
        List<String> changed = add ? memberships.add(list, found) : memberships.remove(list, found);
        // HubSpot's MembershipsUpdateResponse: all three arrays, "recordsIdsAdded" spelt as its v3 spec and clients
        ObjectNode answer = FlowlineJson.mapper().createObjectNode();
        ArrayNode added = answer.putArray("recordsIdsAdded");
        ArrayNode removed = answer.putArray("recordIdsRemoved");
        changed.forEach((add ? added : removed)::add);
        missing.forEach(answer.putArray("recordIdsMissing")::add);
        return ApiResponse.ok(answer);
    }

    /** Members in pages; a DYNAMIC list's page may hold fewer than {@code limit}: it is one page of contacts. */
    private ApiResponse memberships(ApiRequest request) {
        ContactList list = existing(request);
        int limit = Paging.limit(request, 100, 250);
        String after = request.queryParameter("after").orElse(null);
        Page<String> page;
        if (list.isDynamic()) {
            Page<Contact> read = contacts.page(after, limit);
            page = new Page<>(read.items().stream().filter(contact -> passes(list, contact))
                    .map(Contact::id).toList(), read.next());
        } else {
            page = lists.members(list.listId(), after, limit);
        }
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        var results = body.putArray("results");
        page.items().forEach(id -> results.addObject().put("recordId", id));
        Paging.next(body, page.next());
        return ApiResponse.ok(body);
    }

    private boolean passes(ContactList list, Contact contact) {
        return context.filters().matches(list.filterBranch(), contact, context.evaluation());
    }

    private ContactList existing(ApiRequest request) {
        String listId = request.pathParameter("listId");
        return lists.list(listId).orElseThrow(() -> ApiException.notFound("Could not find list " + listId));
    }

    private static ObjectNode wrapped(ContactList list) {
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        ObjectNode json = body.putObject("list")
                .put("listId", list.listId())
                .put("name", list.name())
                .put("objectTypeId", CONTACT_OBJECT_TYPE)
                .put("processingType", list.processingType())
                .put("processingStatus", "COMPLETE")
                .put("createdAt", list.createdAt().toString())
                .put("updatedAt", list.updatedAt().toString());
        Optional.ofNullable(list.filterBranch()).ifPresent(branch -> json.set("filterBranch", FlowlineJson.tree(branch)));
        return body;
    }

    private static String newId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
    }
}
