package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.ses.SesEmailEvents;
import dev.flowline.engine.Engine;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.enrolment.EngineEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Activities of contacts: HubSpot's custom behavioural events ({@code POST /events/v3/send}), the standard
 * activities filters read ({@code POST /flowline/v1/contacts/{contactId}/activities} with a {@link #TYPES type}),
 * and SES email events ({@code POST /flowline/v1/ses-events}, an EventBridge event of a configuration set's
 * destination, or its detail). Each is recorded on the contact and published as {@code contact.activity}.
 */
final class EventRoutes implements Routes {

    /** The activity types of the Flowline path, and the event type ids they are recorded as. */
    static final Map<String, String> TYPES = Map.of(
            "FORM_SUBMISSION", StandardEvents.FORM_SUBMISSION,
            "PAGE_VIEW", StandardEvents.PAGE_VIEW,
            "EMAIL_SENT", StandardEvents.EMAIL_SENT,
            "EMAIL_DELIVERED", StandardEvents.EMAIL_DELIVERED,
            "EMAIL_OPEN", StandardEvents.EMAIL_OPEN,
            "EMAIL_CLICK", StandardEvents.EMAIL_CLICK,
            "EMAIL_REPLY", StandardEvents.EMAIL_REPLY,
            "EMAIL_BOUNCE", StandardEvents.EMAIL_BOUNCE,
            "EMAIL_SPAM", StandardEvents.EMAIL_SPAM,
            "EMAIL_UNSUBSCRIBE", StandardEvents.EMAIL_UNSUBSCRIBE);

    private final Clock clock;
    private final ContactStore contacts;
    private final EngineEvents events;

    EventRoutes(Engine engine) {
        this.clock = engine.ports().clock();
        this.contacts = engine.ports().contacts();
        this.events = engine.context().events();
    }

    @Override
    public void register(Router router) {
        router.post("/events/v3/send", this::send)
                .post("/flowline/v1/contacts/{contactId}/activities", this::activity)
                .post("/flowline/v1/ses-events", this::ses);
    }

    private ApiResponse send(ApiRequest request) {
        JsonNode body = request.json();
        var errors = new ArrayList<ApiError>();
        String eventName = body.path("eventName").asText("");
        if (eventName.isEmpty()) {
            errors.add(new ApiError("/eventName", "eventName is required"));
        }
        Optional<String> objectId = text(body, "objectId");
        Optional<String> email = text(body, "email");
        if (objectId.isEmpty() && email.isEmpty()) {
            errors.add(new ApiError("/objectId", "objectId or email is required"));
        }
        email.flatMap(address -> ContactWrites.emailProblem("/email", address)).ifPresent(errors::add);
        Instant at = occurredAt(body, errors);
        Map<String, String> properties = properties(body, errors);
        ContactRoutes.requireValid(errors);
        String id = objectId.orElseGet(email::get);
        Contact contact = (objectId.isPresent() ? contacts.find(id) : contacts.findByEmail(id))
                .orElseThrow(() -> ApiException.notFound("Could not find contact " + id));
        record(contact, new ActivityEvent(eventName, at, properties));
        return ApiResponse.noContent();
    }

    private ApiResponse activity(ApiRequest request) {
        JsonNode body = request.json();
        var errors = new ArrayList<ApiError>();
        String type = TYPES.get(body.path("type").asText(""));
        if (type == null) {
            errors.add(new ApiError("/type", "type must be one of " + String.join(", ", TYPES.keySet().stream()
                    .sorted().toList())));
        }
        Instant at = occurredAt(body, errors);
        Map<String, String> properties = properties(body, errors);
        ContactRoutes.requireValid(errors);
        String contactId = request.pathParameter("contactId");
        Contact contact = contacts.find(contactId)
                .orElseThrow(() -> ApiException.notFound("Could not find contact " + contactId));
        record(contact, new ActivityEvent(type, at, properties));
        return ApiResponse.noContent();
    }

    /** An SES event for an address no contact has, or of a type not tracked, is accepted and dropped. */
    private ApiResponse ses(ApiRequest request) {
        JsonNode body = request.json();
        String at = body.has("detail") ? "/detail" : "";
        Optional<SesEmailEvents.EmailEvent> email;
        try {
            email = SesEmailEvents.of(body.at(at));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("the event's timestamp is not an ISO-8601 instant",
                    List.of(new ApiError(at + "/mail/timestamp", e.getMessage())));
        }
        email.ifPresent(event -> contacts.findByEmail(event.recipient())
                .ifPresent(contact -> record(contact, event.event())));
        return ApiResponse.noContent();
    }

    /** Recorded on the contact by the engine's events, then published. */
    private void record(Contact contact, ActivityEvent event) {
        events.activity(contact.id(), event);
    }

    private Instant occurredAt(JsonNode body, List<ApiError> errors) {
        Optional<String> at = text(body, "occurredAt");
        try {
            return at.map(Instant::parse).orElse(clock.instant());
        } catch (DateTimeParseException e) {
            errors.add(new ApiError("/occurredAt", "occurredAt must be an ISO-8601 instant"));
            return null;
        }
    }

    /** Optional here, else checked as a contact's properties are; a null value is no value. */
    private static Map<String, String> properties(JsonNode body, List<ApiError> errors) {
        JsonNode properties = body.path("properties");
        if (properties.isMissingNode() || properties.isNull()) {
            return Map.of();
        }
        var values = new HashMap<>(ContactWrites.properties(body, "", errors));
        values.values().removeIf(Objects::isNull);
        return values;
    }

    private static Optional<String> text(JsonNode body, String field) {
        return Optional.of(body.path(field).asText("")).filter(v -> !v.isEmpty());
    }
}
