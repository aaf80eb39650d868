package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.Engine;
import dev.flowline.engine.EnginePorts;
import dev.flowline.engine.Page;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentDecision;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.json.FlowlineJson;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Flowline's own endpoints, under {@code /flowline/v1}: manual enrolment and unenrolment, a flow's enrolments and
 * where its active ones are, how far the enrolment of its existing contacts has got, the history of an enrolment and of a contact, flow metrics and dry runs of a flow on
 * the simulator.
 */
final class FlowlineRoutes implements Routes {

    static final String PREFIX = "/flowline/v1";
    private static final int ACTIVE_PAGE = 100;
    private static final int MAX_ACTIVE_PAGE = 1000;
    /** The most enrolments a page lists, and how many when the request does not say. */
    static final int DEFAULT_ENROLMENTS = 100;

    private final Engine engine;
    private final EnginePorts ports;
    private final DryRuns dryRuns;

    FlowlineRoutes(Engine engine) {
        this.engine = engine;
        this.ports = engine.ports();
        this.dryRuns = new DryRuns(ports.clock(), ports.timeZone(), ports.owners(), ports.lists());
    }

    @Override
    public void register(Router router) {
        router.post(PREFIX + "/flows/dry-run", request -> ApiResponse.ok(dryRuns.run(request.json(), null)))
                .post(PREFIX + "/flows/{flowId}/dry-run",
                        request -> ApiResponse.ok(dryRuns.run(request.json(), flow(request.pathParameter("flowId")))))
                .post(PREFIX + "/flows/{flowId}/enrollments", this::enrol)
                .get(PREFIX + "/flows/{flowId}/enrollments", this::enrolments)
                .get(PREFIX + "/flows/{flowId}/positions", this::activeEnrolments)
                .get(PREFIX + "/flows/{flowId}/activation", this::activation)
                .delete(PREFIX + "/flows/{flowId}/enrollments/{contactId}", this::unenrol)
                .get(PREFIX + "/flows/{flowId}/metrics", request -> ApiResponse.ok(
                        FlowlineViews.metrics(ports.metrics().snapshot(flow(request.pathParameter("flowId")).id()))))
                .get(PREFIX + "/enrollments/{enrolmentId}", request ->
                        ApiResponse.ok(FlowlineViews.enrolment(enrolment(request.pathParameter("enrolmentId")))))
                .get(PREFIX + "/enrollments/{enrolmentId}/history", request -> ApiResponse.ok(FlowlineViews.history(
                        ports.history().ofEnrolment(enrolment(request.pathParameter("enrolmentId")).enrolmentId()))))
                .get(PREFIX + "/contacts/{contactId}/history", this::contactHistory)
                .post(PREFIX + "/contacts/{contactId}/restore", this::restore);
    }

    /**
     * Brings back a contact the "delete contact" action deleted, within the 90 days its recycle bin keeps it (a
     * path of Flowline's own: HubSpot restores from its UI only). 404 when there is no such deleted contact, 409
     * when another contact has its email now.
     */
    private ApiResponse restore(ApiRequest request) {
        String contactId = request.pathParameter("contactId");
        try {
            return ApiResponse.ok(ContactJson.ALL.render(engine.contactRecycling().restore(contactId).orElseThrow(
                    () -> ApiException.notFound("Could not find deleted contact " + contactId))));
        } catch (IllegalStateException emailTaken) {
            throw ApiException.conflict(emailTaken.getMessage());
        }
    }

    private ApiResponse enrol(ApiRequest request) {
        Flow flow = flow(request.pathParameter("flowId"));
        JsonNode contactId = request.json().path("contactId");
        if (!contactId.isTextual() && !contactId.isIntegralNumber() || contactId.asText().isBlank()) {
            throw ApiException.invalid("the body needs the contactId to enrol",
                    List.of(new ApiError("/contactId", "contactId is required and must be a string")));
        }
        Contact contact = ports.contacts().find(contactId.asText())
                .orElseThrow(() -> ApiException.notFound("Could not find contact " + contactId.asText()));
        EnrolmentDecision decision = engine.enroller().enrol(flow, contact, EnrolmentSource.MANUAL);
        return ApiResponse.created(FlowlineViews.enrolment(decision.enrolment()
                .orElseThrow(() -> ApiException.conflict("The contact was not enrolled: " + decision.reason()))));
    }

    /**
     * The flow's active enrolments: how many are at each action now, and the first {@code limit} of them
     * (oldest first), at {@code actionId} when it is given.
     */
    private ApiResponse activeEnrolments(ApiRequest request) {
        Flow flow = flow(request.pathParameter("flowId"));
        int limit = Paging.limit(request, ACTIVE_PAGE, MAX_ACTIVE_PAGE);
        List<Enrolment> active = ports.enrolments().activeOfFlow(flow.id());
        var atAction = request.queryParameter("actionId");
        List<Enrolment> listed = active.stream()
                .filter(e -> atAction.isEmpty() || atAction.get().equals(e.currentActionId()))
                .sorted(Comparator.comparing(Enrolment::enrolledAt).thenComparing(Enrolment::enrolmentId))
                .toList();
        return ApiResponse.ok(FlowlineViews.activeEnrolments(active, listed.subList(0, Math.min(limit, listed.size())),
                listed.size()));
    }

    /** How far the enrolment of the flow's existing contacts has got, since it was last turned on with them. */
    private ApiResponse activation(ApiRequest request) {
        Flow flow = flow(request.pathParameter("flowId"));
        return engine.activation().progress(flow.id()).map(FlowlineViews::activation).map(ApiResponse::ok)
                .orElseThrow(() -> ApiException.notFound("Flow " + flow.id()
                        + " was never turned on with enrollExistingContacts"));
    }

    /** A page of the flow's enrolments, of one status when {@code status} names one. */
    private ApiResponse enrolments(ApiRequest request) {
        Flow flow = flow(request.pathParameter("flowId"));
        EnrolmentStatus status = request.queryParameter("status").map(FlowlineRoutes::status).orElse(null);
        int limit = Paging.limit(request, DEFAULT_ENROLMENTS, DEFAULT_ENROLMENTS);
        Page<Enrolment> page = ports.enrolments().ofFlow(flow.id(), status,
                request.queryParameter("after").orElse(null), limit);
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        body.set("results", FlowlineJson.mapper().valueToTree(page.items().stream().map(FlowlineViews::enrolment)
                .toList()));
        Paging.next(body, page.next());
        return ApiResponse.ok(body);
    }

    private static EnrolmentStatus status(String name) {
        try {
            return EnrolmentStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            String message = "status must be one of " + Arrays.toString(EnrolmentStatus.values());
            throw ApiException.invalid(message, List.of(new ApiError("status", message)));
        }
    }

    private ApiResponse unenrol(ApiRequest request) {
        String flowId = request.pathParameter("flowId");
        String contactId = request.pathParameter("contactId");
        Enrolment active = ports.enrolments().ofContact(flowId, contactId).stream().filter(Enrolment::isActive)
                .findFirst().orElseThrow(() -> ApiException.notFound(
                        "Contact " + contactId + " has no active enrollment in flow " + flowId));
        if (!engine.unenroller().unenrol(active, UnenrolmentReason.MANUAL)) {
            throw ApiException.conflict("The enrollment moved on while it was being unenrolled: try again");
        }
        return ApiResponse.noContent();
    }

    private ApiResponse contactHistory(ApiRequest request) {
        String contactId = request.pathParameter("contactId");
        List<HistoryEntry> history = ports.history().ofContact(contactId);
        // a deleted contact keeps its history
        if (history.isEmpty() && ports.contacts().find(contactId).isEmpty()) {
            throw ApiException.notFound("Could not find contact " + contactId);
        }
        return ApiResponse.ok(FlowlineViews.history(history));
    }

    private Flow flow(String flowId) {
        return ports.flows().find(flowId).orElseThrow(() -> ApiException.notFound("Could not find flow " + flowId));
    }

    private Enrolment enrolment(String enrolmentId) {
        return ports.enrolments().find(enrolmentId)
                .orElseThrow(() -> ApiException.notFound("Could not find enrollment " + enrolmentId));
    }
}
