package dev.flowline.engine.journey;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Problem;
import dev.flowline.engine.enrolment.EngineContext;
import dev.flowline.engine.history.HistoryEntry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the API does with journeys: create, edit the draft, publish, list and restore versions, delete,
 * figures and logs. Every change is validated first; a refused change comes back with all its problems.
 */
public final class Journeys {

    private final EngineContext engine;
    private final JourneyStore journeys;
    private final JourneyEnrolmentStore enrolments;
    private final JourneyRouter router;
    private final JourneyValidator validator;
    private final InFlightMigration migration;

    public Journeys(EngineContext engine, JourneyStore journeys, JourneyEnrolmentStore enrolments,
                    JourneyRouter router, JourneyLimits limits) {
        this.engine = engine;
        this.journeys = journeys;
        this.enrolments = enrolments;
        this.router = router;
        this.validator = new JourneyValidator(limits);
        this.migration = new InFlightMigration(engine, router, enrolments);
    }

    /** The outcome of a change: the journey as saved, or the problems that refused the change. */
    public record Change(Optional<Journey> journey, List<Problem> problems) {

        static Change saved(Journey journey) {
            return new Change(Optional.of(journey), List.of());
        }

        static Change refused(List<Problem> problems) {
            return new Change(Optional.empty(), problems);
        }

        public boolean isSaved() {
            return journey.isPresent();
        }
    }

    public Optional<Journey> find(String journeyId) {
        return journeys.find(journeyId);
    }

    /** Every journey of the account, published or not. */
    public Collection<Journey> all() {
        return journeys.all();
    }

    public Change create(String journeyId, JourneyDefinition draft) {
        var all = journeys.all();
        var full = validator.canCreate(all);
        if (full.isPresent()) {
            return Change.refused(List.of(full.get()));
        }
        var problems = validator.validate(journeyId, draft, all);
        return problems.isEmpty() ? save(Journey.create(journeyId, draft, now())) : Change.refused(problems);
    }

    /** Replaces the draft; contacts keep running on the published version. */
    public Change updateDraft(String journeyId, JourneyDefinition draft) {
        Optional<Journey> journey = journeys.find(journeyId);
        if (journey.isEmpty()) {
            return notFound(journeyId);
        }
        var problems = validator.validate(journeyId, draft, journeys.all());
        return problems.isEmpty() ? save(journey.get().withDraft(draft, now())) : Change.refused(problems);
    }

    /**
     * Publishes the draft as the next version. Contacts in flight follow the new version's rules for deleted
     * stages and actions. On the first publish, {@code existingContacts} that already match enrol now (pass an
     * empty list to enrol only contacts that match from now on).
     */
    public Change publish(String journeyId, Iterable<Contact> existingContacts) {
        Optional<Journey> journey = journeys.find(journeyId);
        if (journey.isEmpty()) {
            return notFound(journeyId);
        }
        var problems = validator.validate(journeyId, journey.get().draft(), journeys.all());
        if (!problems.isEmpty()) {
            return Change.refused(problems);
        }
        Optional<JourneyVersion> previous = journey.get().published();
        Journey published = journey.get().publish(now());
        journeys.save(published);
        if (previous.isPresent()) {
            migration.apply(journeyId, previous.get().definition(), published.draft());
        } else {
            existingContacts.forEach(contact -> router.enrolIfMatching(published, contact));
        }
        return Change.saved(published);
    }

    /** Makes version {@code version} the draft again; it runs once published. */
    public Change restore(String journeyId, int version) {
        Optional<Journey> journey = journeys.find(journeyId);
        if (journey.isEmpty()) {
            return notFound(journeyId);
        }
        return journey.get().restore(version, now()).map(this::save).orElseGet(() -> Change.refused(List.of(
                new Problem("/version", "journey " + journeyId + " has no version " + version))));
    }

    public List<JourneyVersion> versions(String journeyId) {
        return journeys.find(journeyId).map(Journey::versions).orElse(List.of());
    }

    /** Deletes the journey: its contacts' stage flows end at their next step, as for a deleted workflow. */
    public boolean delete(String journeyId) {
        if (journeys.find(journeyId).isEmpty()) {
            return false;
        }
        journeys.delete(journeyId);
        enrolments.deleteJourney(journeyId);
        return true;
    }

    /** The figures of the published version; {@code eligible} is how many contacts are in the enrolment lists. */
    public Optional<JourneyReport> report(String journeyId, long eligible) {
        return journeys.find(journeyId).flatMap(Journey::published)
                .map(v -> JourneyReport.of(v.definition(), enrolments.ofJourney(journeyId), eligible));
    }

    /** How many of {@code contacts} are eligible for the published version: in one of its enrolment lists. */
    public long eligible(String journeyId, Iterable<Contact> contacts) {
        var definition = journeys.find(journeyId).flatMap(Journey::published).map(JourneyVersion::definition);
        long count = 0;
        for (Contact contact : contacts) {
            if (definition.isPresent() && router.eligible(definition.get(), contact)) {
                count++;
            }
        }
        return count;
    }

    public Optional<JourneyEnrolment> enrolment(String journeyId, String contactId) {
        return enrolments.find(journeyId, contactId);
    }

    public List<JourneyEnrolment> enrolments(String journeyId) {
        return enrolments.ofJourney(journeyId);
    }

    /** The contact's enrolment and action log in the journey: the journey's lines and its stage flows' lines. */
    public List<HistoryEntry> log(String journeyId, String contactId) {
        return engine.history().ofContact(contactId).stream()
                .filter(entry -> StageFlows.journeyFlowId(journeyId).equals(entry.flowId())
                        || StageFlows.parse(entry.flowId()).filter(ref -> ref.journeyId().equals(journeyId)).isPresent())
                .toList();
    }

    private Change save(Journey journey) {
        journeys.save(journey);
        return Change.saved(journey);
    }

    private static Change notFound(String journeyId) {
        return Change.refused(List.of(new Problem("", "there is no journey " + journeyId)));
    }

    private Instant now() {
        return engine.clock().instant();
    }
}
