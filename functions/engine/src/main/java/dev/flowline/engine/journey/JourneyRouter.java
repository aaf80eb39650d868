package dev.flowline.engine.journey;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.InListFilter;
import dev.flowline.engine.enrolment.ContactChange;
import dev.flowline.engine.enrolment.EngineContext;
import dev.flowline.engine.enrolment.Enroller;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.GoalChecker;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.Unenroller;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.list.ListMemberships;
import dev.flowline.engine.list.MembershipChange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moves contacts through the published journeys as they change. The journey's property places a contact:
 * a stage's value puts it in that stage (it enrols if it is in an eligible list and was never enrolled),
 * an exit's value ends its journey. Each stage runs as a stage flow on the engine's own enrolments and steps;
 * the router only enrols in and unenrols from them.
 */
public final class JourneyRouter implements Consumer<ContactChange> {

    private final EngineContext engine;
    private final Enroller enroller;
    private final Unenroller unenroller;
    private final JourneyStore journeys;
    private final JourneyEnrolmentStore enrolments;
    private final ListMemberships lists;

    public JourneyRouter(EngineContext engine, Enroller enroller, Unenroller unenroller, JourneyStore journeys,
                         JourneyEnrolmentStore enrolments, ListMemberships lists) {
        this.engine = engine;
        this.enroller = enroller;
        this.unenroller = unenroller;
        this.journeys = journeys;
        this.enrolments = enrolments;
        this.lists = lists;
    }

    @Override
    public void accept(ContactChange change) {
        if (change.after() == null) {
            return;
        }
        for (Journey journey : journeys.published()) {
            route(journey, change.after(), change.before());
        }
    }

    /** Whether any journey is published: otherwise no contact change concerns journeys. */
    public boolean routesAny() {
        return !journeys.published().isEmpty();
    }

    /**
     * Whether a published journey has a stage that waits for an event: the goal checker resumes such waits (a
     * stage has neither goal nor suppression lists; the journey's own are this router's).
     */
    public boolean waitsForEvents() {
        return journeys.published().stream().flatMap(journey -> journey.published().stream())
                .flatMap(version -> version.definition().stageList().stream())
                .anyMatch(stage -> GoalChecker.waitsForEvents(stage.actions()));
    }

    /** Enrols a contact that already matches, as a first publish with that option does. */
    public boolean enrolIfMatching(Journey journey, Contact contact) {
        var definition = journey.published().orElseThrow().definition();
        return enrolments.find(journey.id(), contact.id()).isEmpty() && enrol(journey.id(), definition, contact);
    }

    /** Whether a contact is eligible: in one of the journey's enrolment lists. */
    public boolean eligible(JourneyDefinition definition, Contact contact) {
        return inAnyList(definition.listIds(), contact);
    }

    private void route(Journey journey, Contact contact, Contact before) {
        var definition = journey.published().orElseThrow().definition();
        Optional<JourneyEnrolment> found = enrolments.find(journey.id(), contact.id());
        if (found.isEmpty()) {
            enrol(journey.id(), definition, contact);
            return;
        }
        JourneyEnrolment enrolment = found.get();
        if (!enrolment.isOpen()) {
            return; // a contact never enrols in a journey again
        }
        JourneyUnenrollment options = definition.unenrollment();
        if (inAnyList(options.suppressionLists(), contact)) {
            unenrol(enrolment, UnenrolmentReason.SUPPRESSION_LIST, "joined a suppression list");
            return;
        }
        if (options.whenRemovedFromLists() && before != null && eligible(definition, before)
                && !eligible(definition, contact)) {
            unenrol(enrolment, UnenrolmentReason.NO_LONGER_MEETS_CRITERIA, "removed from the enrolment lists");
            return;
        }
        String value = valueOf(definition, contact);
        if (before != null && value.equals(valueOf(definition, before))) {
            return;
        }
        Optional<JourneyExit> exit = definition.exitOfValue(value);
        if (exit.isPresent()) {
            if (options.whenEndMatchedEarly() && stageFlowRunning(enrolment)) {
                unenrol(enrolment, UnenrolmentReason.NO_LONGER_MEETS_CRITERIA,
                        "matched exit " + exit.get().exitId() + " early: its final actions were skipped");
            } else {
                exit(enrolment, exit.get(), contact);
            }
            return;
        }
        definition.stageOfValue(value)
                .filter(stage -> enrolment.status() == JourneyEnrolmentStatus.INACTIVE
                        || !stage.stageId().equals(enrolment.stageId()))
                .ifPresent(stage -> move(journey.id(), definition, enrolment, stage, contact));
    }

    private boolean enrol(String journeyId, JourneyDefinition definition, Contact contact) {
        if (!eligible(definition, contact) || inAnyList(definition.unenrollment().suppressionLists(), contact)) {
            return false;
        }
        String value = valueOf(definition, contact);
        Optional<JourneyStage> stage = value.isEmpty()
                ? definition.startStage().filter(s -> Boolean.TRUE.equals(definition.enrollEmptyValue()))
                : definition.stageOfValue(value);
        if (stage.isEmpty()) {
            return false;
        }
        Instant now = engine.clock().instant();
        JourneyEnrolment enrolment = JourneyEnrolment.start(journeyId, contact.id(), now);
        if (!enrolments.create(enrolment)) {
            return false;
        }
        record(enrolment, HistoryKind.ENROLLED, "enrolled in the journey, in stage " + stage.get().stageId());
        enter(journeyId, definition, enrolment, stage.get(), contact, JourneyMove.Kind.ENROLLED);
        return true;
    }

    private void move(String journeyId, JourneyDefinition definition, JourneyEnrolment enrolment, JourneyStage stage,
                      Contact contact) {
        leaveStage(enrolment, UnenrolmentReason.NO_LONGER_MEETS_CRITERIA);
        record(enrolment, HistoryKind.STAGE_MOVED, "moved from stage " + enrolment.stageId() + " to stage "
                + stage.stageId());
        enter(journeyId, definition, enrolment, stage, contact, JourneyMove.Kind.STAGE);
    }

    private void enter(String journeyId, JourneyDefinition definition, JourneyEnrolment enrolment, JourneyStage stage,
                       Contact contact, JourneyMove.Kind kind) {
        var flow = StageFlows.compile(journeyId, definition, stage);
        String stageEnrolmentId = enroller.enrol(flow, contact, EnrolmentSource.MANUAL).enrolment()
                .map(Enrolment::enrolmentId).orElse(null);
        enrolments.update(enrolment.inStage(stage.stageId(), stageEnrolmentId, kind, engine.clock().instant()),
                enrolment.revision());
    }

    private void exit(JourneyEnrolment enrolment, JourneyExit exit, Contact contact) {
        // The list first: adding is idempotent, so a failure before the exit is recorded loses nothing on redelivery.
        Optional<MembershipChange> listed = Optional.ofNullable(exit.staticListId())
                .map(listId -> lists.change(listId, contact.id(), true));
        if (!enrolments.update(enrolment.exited(exit.exitId(), engine.clock().instant()), enrolment.revision())) {
            return;
        }
        leaveStage(enrolment, UnenrolmentReason.NO_LONGER_MEETS_CRITERIA);
        record(enrolment, HistoryKind.EXITED, (exit.isGoal() ? "reached the goal exit " : "reached the exit ")
                + exit.exitId() + listed.map(change -> change.refused()
                        ? ", not added to list " + exit.staticListId() + ": " + change.reason()
                        : ", added to list " + exit.staticListId()).orElse(""));
    }

    private void unenrol(JourneyEnrolment enrolment, UnenrolmentReason reason, String why) {
        if (enrolments.update(enrolment.unenrolled(engine.clock().instant()), enrolment.revision())) {
            leaveStage(enrolment, reason);
            record(enrolment, HistoryKind.UNENROLLED, "unenrolled from the journey: " + why);
        }
    }

    /**
     * Ends the contact's run of its stage's flow if actions remain; a run at the end of its path (a go-to just
     * ran) is left to complete at its next step.
     */
    void leaveStage(JourneyEnrolment enrolment, UnenrolmentReason reason) {
        if (stageFlowRunning(enrolment)) {
            stageEnrolment(enrolment).ifPresent(e -> unenroller.unenrol(e, reason));
        }
    }

    /** Whether the stage's flow still has actions to run for the contact (it has not reached a go-to or an end). */
    private boolean stageFlowRunning(JourneyEnrolment enrolment) {
        return stageEnrolment(enrolment).filter(e -> e.isActive() && e.currentActionId() != null).isPresent();
    }

    private Optional<Enrolment> stageEnrolment(JourneyEnrolment enrolment) {
        return Optional.ofNullable(enrolment.stageEnrolmentId()).flatMap(engine.enrolments()::find);
    }

    void record(JourneyEnrolment enrolment, HistoryKind kind, String detail) {
        engine.history().append(new HistoryEntry(enrolment.id(), StageFlows.journeyFlowId(enrolment.journeyId()),
                enrolment.contactId(), engine.clock().instant(), kind, null, detail));
    }

    private static String valueOf(JourneyDefinition definition, Contact contact) {
        return contact.value(definition.propertyName()).orElse("").trim();
    }

    private boolean inAnyList(List<String> listIds, Contact contact) {
        for (String listId : listIds) {
            var member = new InListFilter("IN_LIST", listId, "IN_LIST", null, null);
            if (engine.filters().matches(member, contact, engine.evaluation())) {
                return true;
            }
        }
        return false;
    }
}
