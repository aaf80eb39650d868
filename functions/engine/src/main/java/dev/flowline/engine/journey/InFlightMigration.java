package dev.flowline.engine.journey;

import dev.flowline.engine.definition.Action;
import dev.flowline.engine.enrolment.EngineContext;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.HistoryKind;

import java.util.Optional;

/**
 * Applies a new published version to the contacts in flight, by HubSpot's rules: a contact whose stage was
 * deleted becomes inactive; a contact heading to a deleted action goes on to the action after it; when that
 * one was deleted too (several deleted in a row), the contact becomes inactive. An inactive contact stays
 * enrolled in the journey and moves again when its property takes a stage's value.
 */
final class InFlightMigration {

    private final EngineContext engine;
    private final JourneyRouter router;
    private final JourneyEnrolmentStore enrolments;

    InFlightMigration(EngineContext engine, JourneyRouter router, JourneyEnrolmentStore enrolments) {
        this.engine = engine;
        this.router = router;
        this.enrolments = enrolments;
    }

    void apply(String journeyId, JourneyDefinition previous, JourneyDefinition next) {
        for (JourneyEnrolment enrolment : enrolments.ofJourney(journeyId)) {
            if (enrolment.status() != JourneyEnrolmentStatus.ACTIVE) {
                continue;
            }
            Optional<JourneyStage> stage = next.stage(enrolment.stageId());
            if (stage.isEmpty()) {
                inactive(enrolment, "its stage " + enrolment.stageId() + " was deleted");
                continue;
            }
            Optional<Enrolment> running = Optional.ofNullable(enrolment.stageEnrolmentId())
                    .flatMap(engine.enrolments()::find)
                    .filter(e -> e.isActive() && e.currentActionId() != null);
            if (running.isPresent() && !has(stage.get(), running.get().currentActionId())) {
                previous.stage(enrolment.stageId()).ifPresent(old -> skipDeleted(enrolment, running.get(), old, stage.get()));
            }
        }
    }

    private void skipDeleted(JourneyEnrolment enrolment, Enrolment running, JourneyStage old, JourneyStage stage) {
        String deleted = running.currentActionId();
        Optional<Action> action = action(old, deleted);
        boolean single = action.isPresent() && action.get().edges().size() <= 1;
        String after = single && !action.get().edges().isEmpty()
                ? action.get().edges().getFirst().connection().nextActionId() : null;
        if (!single || (after != null && !has(stage, after))) {
            inactive(enrolment, "the actions from " + deleted + " on were deleted");
            return;
        }
        Enrolment moved = running.advance(after, running.dueAt());
        if (engine.enrolments().update(moved, running.sequence())) {
            router.record(enrolment, HistoryKind.RESCHEDULED, "action " + deleted + " was deleted: went on to "
                    + (after == null ? "the end of the stage's flow" : "action " + after));
            engine.steps().schedule(moved.nextStep(), moved.dueAt());
        }
    }

    private void inactive(JourneyEnrolment enrolment, String why) {
        if (enrolments.update(enrolment.inactive(engine.clock().instant()), enrolment.revision())) {
            router.leaveStage(enrolment, UnenrolmentReason.FLOW_DELETED);
            router.record(enrolment, HistoryKind.INACTIVE, "inactive: " + why);
        }
    }

    private static boolean has(JourneyStage stage, String actionId) {
        return action(stage, actionId).isPresent();
    }

    private static Optional<Action> action(JourneyStage stage, String actionId) {
        return stage.actions() == null ? Optional.empty()
                : stage.actions().stream().filter(a -> a != null && actionId.equals(a.actionId())).findFirst();
    }
}
