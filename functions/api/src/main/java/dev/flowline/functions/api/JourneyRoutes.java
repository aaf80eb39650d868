package dev.flowline.functions.api;

import dev.flowline.engine.Engine;
import dev.flowline.engine.Page;
import dev.flowline.engine.activation.Activation;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.definition.Problem;
import dev.flowline.engine.journey.Journey;
import dev.flowline.engine.journey.JourneyDefinition;
import dev.flowline.engine.journey.JourneyEnrolment;
import dev.flowline.engine.journey.JourneyVersion;
import dev.flowline.engine.journey.Journeys;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Customer journeys, under {@code /flowline/v1/journeys}: create, read and list, edit the draft, publish, versions
 * (list, read, restore as the draft), delete, metrics, and one contact's log. A definition Flowline refuses is a
 * 400 listing every problem with its JSON Pointer into the definition.
 */
final class JourneyRoutes implements Routes {

    static final String JOURNEYS = FlowlineRoutes.PREFIX + "/journeys";
    static final String ENROLL_EXISTING = "enrollExistingContacts";
    private static final int CONTACT_PAGE = 100;

    private final ContactStore contacts;
    private final Journeys journeys;
    private final Activation activation;

    JourneyRoutes(Engine engine) {
        this.contacts = engine.ports().contacts();
        this.journeys = engine.journeys();
        this.activation = engine.activation();
    }

    @Override
    public void register(Router router) {
        router.get(JOURNEYS, request -> ApiResponse.ok(new FlowlineViews.Results<>(journeys.all().stream()
                        .sorted(Comparator.comparing(Journey::createdAt).thenComparing(Journey::id))
                        .map(JourneyView::of).toList())))
                .post(JOURNEYS, this::create)
                .get(JOURNEYS + "/{journeyId}", request -> ApiResponse.ok(JourneyView.of(journey(request))))
                .delete(JOURNEYS + "/{journeyId}", this::delete)
                .put(JOURNEYS + "/{journeyId}/draft", request -> ApiResponse.ok(JourneyView.of(saved(
                        () -> journeys.updateDraft(journey(request).id(), definition(request))))))
                .post(JOURNEYS + "/{journeyId}/publish", this::publish)
                .get(JOURNEYS + "/{journeyId}/versions", request -> ApiResponse.ok(new FlowlineViews.Results<>(
                        journey(request).versions().stream().map(VersionListing::of).toList())))
                .get(JOURNEYS + "/{journeyId}/versions/{version}", request -> ApiResponse.ok(version(request)))
                .post(JOURNEYS + "/{journeyId}/versions/{version}/restore", request -> ApiResponse.ok(JourneyView.of(
                        saved(
                        () -> journeys.restore(journey(request).id(), version(request).version())))))
                .get(JOURNEYS + "/{journeyId}/metrics", this::metrics)
                .get(JOURNEYS + "/{journeyId}/contacts/{contactId}/log", this::log);
    }

    /** A journey as the API shows it: its draft, and which version contacts run on (null before the first publish). */
    record JourneyView(String id, String createdAt, String updatedAt, Integer publishedVersion, String publishedAt,
                       int versionCount, JourneyDefinition draft) {

        static JourneyView of(Journey journey) {
            Optional<JourneyVersion> published = journey.published();
            return new JourneyView(journey.id(), journey.createdAt(), journey.updatedAt(),
                    published.map(JourneyVersion::version).orElse(null),
                    published.map(JourneyVersion::publishedAt).orElse(null), journey.versions().size(),
                    journey.draft());
        }
    }

    record VersionListing(int version, String publishedAt, String name) {

        static VersionListing of(JourneyVersion version) {
            return new VersionListing(version.version(), version.publishedAt(), version.definition().name());
        }
    }

    record ContactLog(JourneyEnrolment enrollment, List<FlowlineViews.HistoryLine> history) {
    }

    /** Saves a new journey under a fresh id; it enrols nobody until it is published. */
    private ApiResponse create(ApiRequest request) {
        JourneyDefinition definition = definition(request);
        String id = freeId();
        return ApiResponse.created(JourneyView.of(saved(() -> journeys.create(id, definition))));
    }

    /**
     * Publishes the draft as the next version. On the first publish, {@code enrollExistingContacts=true} also enrols
     * the contacts that already match (eligible, with a stage's value), as a fan-out on the activation queue like a
     * flow's; otherwise only changes from now on enrol.
     */
    private ApiResponse publish(ApiRequest request) {
        Journey journey = journey(request);
        boolean enrolExisting = request.queryParameter(ENROLL_EXISTING)
                .map(value -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw ApiException.invalid(ENROLL_EXISTING + " must be true or false",
                            List.of(new ApiError(ENROLL_EXISTING, "not a boolean: " + value)));
                }).orElse(false);
        if (enrolExisting && journey.isPublished()) {
            throw ApiException.invalid(ENROLL_EXISTING + " applies to the first publish only",
                    List.of(new ApiError(ENROLL_EXISTING, "journey " + journey.id() + " was published before")));
        }
        if (enrolExisting && !activation.available()) {
            throw new ApiException(501, "NOT_IMPLEMENTED", "this deployment has no activation queue "
                    + "(FLOWLINE_ACTIVATION_QUEUE_URL) to enrol existing contacts with", List.of());
        }
        Journey published = saved(() -> journeys.publish(journey.id(), List.of()));
        if (enrolExisting) {
            activation.startJourney(published.id());
        }
        return ApiResponse.ok(JourneyView.of(published));
    }

    private String freeId() {
        while (true) {
            String id = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 10_000_000_000L));
            if (journeys.find(id).isEmpty()) {
                return id;
            }
        }
    }

    private ApiResponse delete(ApiRequest request) {
        journeys.delete(journey(request).id());
        return ApiResponse.noContent();
    }

    private ApiResponse metrics(ApiRequest request) {
        Journey journey = journey(request);
        if (!journey.isPublished()) {
            throw ApiException.notFound("Journey " + journey.id() + " has no published version yet");
        }
        return ApiResponse.ok(journeys.report(journey.id(), journeys.eligible(journey.id(), allContacts()))
                .orElseThrow());
    }

    private ApiResponse log(ApiRequest request) {
        Journey journey = journey(request);
        String contactId = request.pathParameter("contactId");
        Optional<JourneyEnrolment> enrolment = journeys.enrolment(journey.id(), contactId);
        if (enrolment.isEmpty() && contacts.find(contactId).isEmpty()) {
            throw ApiException.notFound("Could not find contact " + contactId);
        }
        return ApiResponse.ok(new ContactLog(enrolment.orElse(null),
                FlowlineViews.history(journeys.log(journey.id(), contactId)).results()));
    }

    private Journey journey(ApiRequest request) {
        String journeyId = request.pathParameter("journeyId");
        return journeys.find(journeyId).orElseThrow(() -> ApiException.notFound("Could not find journey " + journeyId));
    }

    private JourneyVersion version(ApiRequest request) {
        Journey journey = journey(request);
        String number = request.pathParameter("version");
        try {
            return journey.version(Integer.parseInt(number)).orElseThrow(NoSuchElementException::new);
        } catch (NumberFormatException | NoSuchElementException e) {
            throw ApiException.notFound("Could not find version " + number + " of journey " + journey.id());
        }
    }

    private static JourneyDefinition definition(ApiRequest request) {
        return request.json(JourneyDefinition.class);
    }

    /** The journey a change saved; a refused change is a 400 with every problem, a concurrent one a 409. */
    private static Journey saved(Supplier<Journeys.Change> changing) {
        Journeys.Change change;
        try {
            change = changing.get();
        } catch (ConcurrentModificationException e) {
            throw ApiException.conflict(e.getMessage());
        }
        if (!change.isSaved()) {
            List<Problem> problems = change.problems();
            throw ApiException.invalid("the journey is not valid: " + problems.size() + " problem(s)",
                    problems.stream().map(p -> new ApiError(p.path(), p.message())).toList());
        }
        return change.journey().orElseThrow();
    }

    /** Every contact, read a page at a time as the iteration goes. */
    private Iterable<Contact> allContacts() {
        return () -> new Iterator<>() {
            private Iterator<Contact> page = List.<Contact>of().iterator();
            private Optional<String> next = Optional.empty();
            private boolean started;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && (!started || next.isPresent())) {
                    Page<Contact> read = contacts.page(next.orElse(null), CONTACT_PAGE);
                    started = true;
                    page = new ArrayList<>(read.items()).iterator();
                    next = read.next();
                }
                return page.hasNext();
            }

            @Override
            public Contact next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }
}
