package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.Engine;
import dev.flowline.engine.Page;
import dev.flowline.engine.activation.Activation;
import dev.flowline.engine.activation.ScheduledActivations;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowStore;
import dev.flowline.engine.definition.FlowValidator;
import dev.flowline.engine.definition.StaleRevisionException;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.json.InvalidJsonException;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HubSpot's Automation v4 flows API ({@code /automation/v4/flows}, with the beta revisions path), and Flowline's
 * own additions under the same prefix: {@code POST /automation/v4/flows/{flowId}/preview} (the contacts that
 * would enrol if the flow were turned on now) and {@code /automation/v4/flows/templates} (ready-made flows).
 * <p>
 * Turning a flow on (creating or updating it with {@code isEnabled: true} when it was off) enrols only the
 * contacts that meet its triggers from then on, as HubSpot does by default; with the query parameter
 * {@code enrollExistingContacts=true} it also enrols the contacts that already meet them ({@link Activation}).
 * Saving or deleting a flow puts or removes its recurring runs: its enrolment schedule and the sweep of its
 * time-relative triggers ({@link ScheduledActivations}).
 */
final class FlowRoutes implements Routes {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 100;
    static final String ENROLL_EXISTING = "enrollExistingContacts";
    private static final String FLOWS = "/automation/v4/flows";
    private static final Duration DEFAULT_PERFORMANCE_RANGE = Duration.ofDays(30);

    private final Engine engine;
    private final FlowStore flows;
    private final Clock clock;
    private final Activation activation;
    private final ScheduledActivations scheduled;
    private final FlowPreview preview;

    FlowRoutes(Engine engine) {
        this.engine = engine;
        this.flows = engine.ports().flows();
        this.clock = engine.ports().clock();
        this.activation = engine.activation();
        this.scheduled = engine.scheduledActivations();
        this.preview = new FlowPreview(engine);
    }

    @Override
    public void register(Router router) {
        router.get(FLOWS, this::list)
                .post(FLOWS, request -> create(object(request.json()), enrolExisting(request)))
                .post(FLOWS + "/batch/read", this::batchRead)
                .get(FLOWS + "/templates", request -> ApiResponse.ok(paged(FlowTemplates.all(), Optional.empty())))
                .post(FLOWS + "/templates/{templateId}", this::instantiate)
                .get(FLOWS + "/performance/{flowId}", this::performance)
                .post(FLOWS + "/{flowId}/preview", this::preview)
                .get(FLOWS + "/{flowId}", request -> ApiResponse.ok(find(request.pathParameter("flowId")).toJson()))
                .put(FLOWS + "/{flowId}", this::update)
                .delete(FLOWS + "/{flowId}", this::delete)
                .get("/automation/2026-09-beta/flows/{flowId}/revisions/{revisionId}", this::revision);
    }

    /** HubSpot's {@code ApiFlowListing}. */
    record FlowListing(String id, String revisionId, Boolean isEnabled, String flowType, String objectTypeId,
                       String name, String createdAt, String updatedAt, String uuid) {

        static FlowListing of(Flow flow) {
            return new FlowListing(flow.id(), flow.revisionId(), flow.isEnabled(), flow.flowType(),
                    flow.objectTypeId(), flow.name(), flow.createdAt(), flow.updatedAt(), flow.uuid());
        }
    }

    private ApiResponse list(ApiRequest request) {
        Page<Flow> page = flows.page(request.queryParameter("after").orElse(null), limit(request));
        return ApiResponse.ok(paged(page.items().stream().map(FlowListing::of).toList(), page.next()));
    }

    /** HubSpot's collection shape: {@code results[]} and, unless this is the last page, {@code paging.next.after}. */
    private static ObjectNode paged(List<?> results, Optional<String> next) {
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        body.set("results", FlowlineJson.mapper().valueToTree(results));
        Paging.next(body, next);
        return body;
    }

    /** Saves a new flow with a fresh id, revision "1", and its creation time; turns it on if asked. */
    private ApiResponse create(ObjectNode body, boolean enrolExisting) {
        String now = clock.instant().toString();
        body.remove("revisionId");
        body.put("createdAt", now).put("updatedAt", now).put("crmObjectCreationStatus", "COMPLETE");
        if (!body.hasNonNull("uuid")) {
            body.put("uuid", UUID.randomUUID().toString());
        }
        for (int attempt = 1; ; attempt++) {
            body.put("id", String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 10_000_000_000L)));
            Flow flow = checked(body, null);
            try {
                Flow saved = flows.save(flow);
                scheduled.saved(null, saved);
                if (saved.enabled() && enrolExisting) {
                    activation.start(saved.id());
                }
                return ApiResponse.created(saved.toJson());
            } catch (StaleRevisionException idTaken) {
                if (attempt == 3) {
                    throw idTaken;
                }
            }
        }
    }

    /**
     * Replaces a flow with a new revision. The body must name the revision it was made from; fields a PUT does
     * not carry ({@code objectTypeId}, {@code flowType}, {@code uuid}, {@code dataSources}) keep their values.
     */
    private ApiResponse update(ApiRequest request) {
        Flow current = find(request.pathParameter("flowId"));
        ObjectNode body = object(request.json());
        boolean enrolExisting = enrolExisting(request);
        if (!body.hasNonNull("revisionId")) {
            throw ApiException.invalid("revisionId is required",
                    List.of(new ApiError("/revisionId", "the revision this update was made from is required")));
        }
        body.put("revisionId", body.get("revisionId").asText());
        ObjectNode stored = FlowlineJson.mapper().valueToTree(current);
        for (String kept : List.of("objectTypeId", "flowType", "uuid", "dataSources")) {
            if (!body.has(kept) && stored.has(kept)) {
                body.set(kept, stored.get(kept));
            }
        }
        body.put("id", current.id()).put("updatedAt", clock.instant().toString());
        body.set("createdAt", stored.get("createdAt"));
        Flow flow = checked(body, current.nextAvailableActionId());
        if (!flow.revisionId().equals(current.revisionId())) {
            throw stale(flow);
        }
        Flow saved;
        try {
            saved = flows.save(flow);
        } catch (StaleRevisionException e) {
            throw stale(flow);
        }
        scheduled.saved(current, saved);
        if (!current.enabled() && saved.enabled() && enrolExisting) {
            activation.start(saved.id());
        }
        return ApiResponse.ok(saved.toJson());
    }

    /**
     * Deletes the flow and all its revisions. Its active enrolments end at their next step, unenrolled with
     * reason FLOW_DELETED.
     */
    private ApiResponse delete(ApiRequest request) {
        Flow flow = find(request.pathParameter("flowId"));
        flows.delete(flow.id());
        scheduled.deleted(flow);
        return ApiResponse.noContent();
    }

    /** HubSpot's batch read: the flows found, and one OBJECT_NOT_FOUND error naming the ids that are not (207). */
    private ApiResponse batchRead(ApiRequest request) {
        JsonNode inputs = request.json().path("inputs");
        if (!inputs.isArray()) {
            throw ApiException.invalid("inputs is required", List.of(new ApiError("/inputs", "inputs must be an array")));
        }
        var problems = new ArrayList<ApiError>();
        var ids = new ArrayList<String>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode input = inputs.get(i);
            if (!"FLOW_ID".equals(input.path("type").asText())) {
                problems.add(new ApiError("/inputs/" + i + "/type", "type must be FLOW_ID"));
            }
            if (!input.path("flowId").isValueNode() || input.path("flowId").asText().isEmpty()) {
                problems.add(new ApiError("/inputs/" + i + "/flowId", "flowId is required"));
            }
            ids.add(input.path("flowId").asText());
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("some inputs are not valid", problems);
        }
        String startedAt = clock.instant().toString();
        ObjectNode body = FlowlineJson.mapper().createObjectNode().put("status", "COMPLETE");
        ArrayNode results = body.putArray("results");
        var missing = new ArrayList<String>();
        for (String id : ids) {
            flows.find(id).ifPresentOrElse(flow -> results.add(FlowlineJson.mapper().valueToTree(flow)),
                    () -> missing.add(id));
        }
        body.put("startedAt", startedAt).put("completedAt", clock.instant().toString());
        if (missing.isEmpty()) {
            return ApiResponse.ok(body);
        }
        body.put("numErrors", 1);
        ObjectNode error = body.putArray("errors").addObject().put("status", "error")
                .put("category", "OBJECT_NOT_FOUND").put("message", "Could not find flows " + String.join(", ", missing));
        ArrayNode context = error.putObject("context").putArray("flowId");
        missing.forEach(context::add);
        return ApiResponse.json(207, body);
    }

    private ApiResponse instantiate(ApiRequest request) {
        String templateId = request.pathParameter("templateId");
        var template = FlowTemplates.find(templateId)
                .orElseThrow(() -> ApiException.notFound("Could not find template " + templateId));
        ObjectNode flow = template.flow().deepCopy();
        flow.put("isEnabled", false);
        if (request.body() != null && !request.body().isBlank()) {
            JsonNode name = request.json().path("name");
            if (!name.isMissingNode() && !name.isTextual()) {
                throw ApiException.invalid("name must be a string", List.of(new ApiError("/name", "must be a string")));
            }
            if (name.isTextual()) {
                flow.put("name", name.asText());
            }
        }
        return create(flow, false);
    }

    /** Enrolments per bucket: see {@link FlowPerformance} for what is counted. */
    private ApiResponse performance(ApiRequest request) {
        Flow flow = find(request.pathParameter("flowId"));
        Instant end = request.queryParameter("end").map(value -> instant("end", value)).orElse(clock.instant());
        Instant start = request.queryParameter("start").map(value -> instant("start", value))
                .orElse(end.minus(DEFAULT_PERFORMANCE_RANGE));
        if (!start.isBefore(end)) {
            throw ApiException.invalid("start must be before end", List.of(new ApiError("start", "must be before end")));
        }
        var type = FlowPerformance.bucketType(request.queryParameter("bucketType").orElse("DAY"));
        DayOfWeek firstDay = request.queryParameter("firstDay").map(FlowRoutes::dayOfWeek).orElse(DayOfWeek.MONDAY);
        var histogram = new FlowPerformance(engine.ports().timeZone(), type, firstDay)
                .histogram(engine.ports().enrolments().enrolmentTimes(flow.id()), start, end);
        return ApiResponse.ok(new Performance(flow.id(), type.name(), start.toEpochMilli(), end.toEpochMilli(),
                histogram));
    }

    record Performance(String flowId, String bucketType, long start, long end, List<FlowPerformance.Bucket> histogram) {
    }

    /**
     * Flowline's own: the ids of the contacts that would enrol now, paged ({@link FlowPreview}); with a body
     * {@code {"saveAsListName": "..."}}, all of them saved as a new MANUAL list instead (201, the list and its size).
     */
    private ApiResponse preview(ApiRequest request) {
        Flow flow = find(request.pathParameter("flowId"));
        JsonNode listName = request.body() == null || request.body().isBlank() ? null
                : request.json().get("saveAsListName");
        if (listName != null) {
            if (!listName.isTextual() || listName.asText().isBlank()) {
                throw ApiException.invalid("saveAsListName must be a name",
                        List.of(new ApiError("/saveAsListName", "must be a non-empty string")));
            }
            FlowPreview.Saved saved = preview.saveAsList(flow, listName.asText());
            ObjectNode body = FlowlineJson.mapper().createObjectNode();
            body.putObject("list").put("listId", saved.list().listId()).put("name", saved.list().name())
                    .put("processingType", saved.list().processingType()).put("objectTypeId", Flow.CONTACT_OBJECT);
            body.put("size", saved.size());
            return ApiResponse.created(body);
        }
        Page<String> page = preview.page(flow, request.queryParameter("after").orElse(null), limit(request));
        record ContactId(String id) {
        }
        return ApiResponse.ok(paged(page.items().stream().map(ContactId::new).toList(), page.next()));
    }

    /** HubSpot's beta {@code ApiFlowRevision}: the flow as saved in that revision. */
    private ApiResponse revision(ApiRequest request) {
        String flowId = request.pathParameter("flowId");
        String revisionId = request.pathParameter("revisionId");
        Flow flow = flows.revision(flowId, revisionId).orElseThrow(() -> ApiException.notFound(
                "Could not find revision " + revisionId + " of flow " + flowId));
        record Revision(String id, String revisionId, String revisionCreatedAt, Flow flow) {
        }
        return ApiResponse.ok(new Revision(flow.id(), flow.revisionId(), flow.updatedAt(), flow));
    }

    private Flow find(String flowId) {
        return flows.find(flowId).orElseThrow(() -> ApiException.notFound("Could not find flow " + flowId));
    }

    /**
     * The flow in {@code body} if it is valid, else every problem, as a 400. Its {@code nextAvailableActionId} is
     * kept as given, as HubSpot keeps its counter after actions are deleted; when absent it is one more than the
     * highest action id, and never less than {@code counter}, the one the flow had before (null for a new flow).
     */
    private Flow checked(ObjectNode body, String counter) {
        if (!body.hasNonNull("nextAvailableActionId")) {
            body.put("nextAvailableActionId", nextActionId(body.path("actions"), counter));
        }
        Flow flow;
        try {
            flow = FlowlineJson.read(body, Flow.class);
        } catch (InvalidJsonException e) {
            throw ApiException.invalid("the flow does not fit the v4 flow shape",
                    List.of(new ApiError(e.pointer(), e.getMessage())));
        }
        var problems = FlowValidator.validate(flow, engine.ports().webhookHttpHosts());
        if (!problems.isEmpty()) {
            throw ApiException.invalid("the flow is not valid: " + problems.size() + " problem(s)",
                    problems.stream().map(p -> new ApiError(p.path(), p.message())).toList());
        }
        return flow;
    }

    /** One more than the highest numeric action id, as HubSpot numbers actions, and at least {@code counter}. */
    private static String nextActionId(JsonNode actions, String counter) {
        long highest = 0;
        for (JsonNode action : actions) {
            highest = Math.max(highest, numeric(action.path("actionId").asText()));
        }
        return String.valueOf(Math.max(highest + 1, counter == null ? 0 : numeric(counter)));
    }

    /** The id as a number; 0 for one that is not numeric, which takes no part in the numbering. */
    private static long numeric(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException notNumeric) {
            return 0;
        }
    }

    private static ApiException stale(Flow flow) {
        return ApiException.conflict("revisionId " + flow.revisionId() + " is not the current revision of flow "
                + flow.id() + ": read the flow again and apply the change to it");
    }

    private static ObjectNode object(JsonNode json) {
        if (!(json instanceof ObjectNode object)) {
            throw ApiException.invalid("the body must be a JSON object", List.of(new ApiError("", "not an object")));
        }
        return object;
    }

    /** The {@code enrollExistingContacts} option, refused up front where it could not be carried out. */
    private boolean enrolExisting(ApiRequest request) {
        boolean asked = request.queryParameter(ENROLL_EXISTING).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(ENROLL_EXISTING + " must be true or false",
                    List.of(new ApiError(ENROLL_EXISTING, "not a boolean: " + value)));
        }).orElse(false);
        if (asked && !activation.available()) {
            throw new ApiException(501, "NOT_IMPLEMENTED", "this deployment has no activation queue "
                    + "(FLOWLINE_ACTIVATION_QUEUE_URL) to enrol existing contacts", List.of());
        }
        return asked;
    }

    private static int limit(ApiRequest request) {
        return Paging.limit(request, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** Epoch milliseconds, as HubSpot's timestamps, or an ISO-8601 instant. */
    private static Instant instant(String parameter, String value) {
        try {
            return value.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(value))
                    : Instant.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiException.invalid(parameter + " must be epoch milliseconds or an ISO-8601 instant",
                    List.of(new ApiError(parameter, "not a time: " + value)));
        }
    }

    private static DayOfWeek dayOfWeek(String value) {
        try {
            return DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("firstDay must be a day of the week",
                    List.of(new ApiError("firstDay", "not a day: " + value)));
        }
    }
}
