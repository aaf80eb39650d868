package dev.flowline.engine.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One contact's one pass through a journey (a contact never enrols twice). {@code revision} numbers its
 * changes: the store writes a change only if the stored revision is still the one it was read at.
 *
 * @param stageId           the current (or last) stage
 * @param stageEnrolmentId  the enrolment in the current stage's flow
 * @param exitId            the exit reached, once {@code EXITED}
 * @param moves             the path so far, oldest first
 */
public record JourneyEnrolment(String journeyId, String contactId, JourneyEnrolmentStatus status, String stageId,
                               String stageEnrolmentId, String exitId, String enrolledAt, String endedAt,
                               List<JourneyMove> moves, long revision) {

    public JourneyEnrolment {
        moves = moves == null ? List.of() : List.copyOf(moves);
    }

    public static String idOf(String journeyId, String contactId) {
        return journeyId + ":" + contactId;
    }

    public String id() {
        return idOf(journeyId, contactId);
    }

    public boolean isOpen() {
        return status == JourneyEnrolmentStatus.ACTIVE || status == JourneyEnrolmentStatus.INACTIVE;
    }

    static JourneyEnrolment start(String journeyId, String contactId, Instant at) {
        return new JourneyEnrolment(journeyId, contactId, JourneyEnrolmentStatus.ACTIVE, null, null, null,
                at.toString(), null, List.of(), 0);
    }

    JourneyEnrolment inStage(String newStageId, String newStageEnrolmentId, JourneyMove.Kind kind, Instant at) {
        return next(JourneyEnrolmentStatus.ACTIVE, newStageId, newStageEnrolmentId, null, null,
                new JourneyMove(status == JourneyEnrolmentStatus.INACTIVE ? null : stageId, kind, newStageId,
                        at.toString()));
    }

    JourneyEnrolment exited(String newExitId, Instant at) {
        return next(JourneyEnrolmentStatus.EXITED, stageId, stageEnrolmentId, newExitId, at.toString(),
                new JourneyMove(stageId, JourneyMove.Kind.EXIT, newExitId, at.toString()));
    }

    JourneyEnrolment inactive(Instant at) {
        return next(JourneyEnrolmentStatus.INACTIVE, stageId, stageEnrolmentId, null, null,
                new JourneyMove(stageId, JourneyMove.Kind.INACTIVE, null, at.toString()));
    }

    JourneyEnrolment unenrolled(Instant at) {
        return next(JourneyEnrolmentStatus.UNENROLLED, stageId, stageEnrolmentId, null, at.toString(),
                new JourneyMove(stageId, JourneyMove.Kind.UNENROLLED, null, at.toString()));
    }

    private JourneyEnrolment next(JourneyEnrolmentStatus newStatus, String newStageId, String newStageEnrolmentId,
                                  String newExitId, String newEndedAt, JourneyMove move) {
        var path = new ArrayList<>(moves);
        path.add(move);
        return new JourneyEnrolment(journeyId, contactId, newStatus, newStageId, newStageEnrolmentId, newExitId,
                enrolledAt, newEndedAt, path, revision + 1);
    }
}
