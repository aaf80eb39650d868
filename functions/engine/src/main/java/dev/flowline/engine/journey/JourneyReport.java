package dev.flowline.engine.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A journey's figures, as its metrics page shows them: total enrolments; eligible, enrolled, succeeded (reached
 * the goal exit) and failed (reached another exit) contacts; count and share of enrolments reaching each exit;
 * and for each stage, how the enrolments that entered it went on. Shares are percentages of enrolments.
 */
public record JourneyReport(long eligible, long enrolled, long succeeded, long failed, long active, long inactive,
                            long unenrolled, List<ExitCount> exits, List<StageCount> stages) {

    /** How many enrolments reached an exit, and what share of all enrolments that is. */
    public record ExitCount(String exitId, boolean goal, long count, double share) {
    }

    /** How many enrolments entered a stage, and the paths they took from it. */
    public record StageCount(String stageId, long entered, List<PathCount> paths) {
    }

    /**
     * One way out of a stage: {@code kind} {@code STAGE} or {@code EXIT} with the target's id, {@code INACTIVE},
     * {@code UNENROLLED}, or {@code IN_STAGE} for those still there. {@code share} is of the stage's entries.
     */
    public record PathCount(String kind, String to, long count, double share) {
    }

    public static JourneyReport of(JourneyDefinition definition, List<JourneyEnrolment> enrolments, long eligible) {
        long enrolled = enrolments.size();
        var exits = new ArrayList<ExitCount>();
        long succeeded = 0;
        long failed = 0;
        for (JourneyExit exit : definition.exitList()) {
            long count = enrolments.stream().filter(e -> e.status() == JourneyEnrolmentStatus.EXITED
                    && exit.exitId().equals(e.exitId())).count();
            exits.add(new ExitCount(exit.exitId(), exit.isGoal(), count, share(count, enrolled)));
            if (exit.isGoal()) {
                succeeded += count;
            } else {
                failed += count;
            }
        }
        var stages = new ArrayList<StageCount>();
        for (JourneyStage stage : definition.stageList()) {
            stages.add(stage(stage.stageId(), enrolments));
        }
        return new JourneyReport(eligible, enrolled, succeeded, failed, count(enrolments, JourneyEnrolmentStatus.ACTIVE),
                count(enrolments, JourneyEnrolmentStatus.INACTIVE), count(enrolments, JourneyEnrolmentStatus.UNENROLLED),
                List.copyOf(exits), List.copyOf(stages));
    }

    private static StageCount stage(String stageId, List<JourneyEnrolment> enrolments) {
        long entered = 0;
        Map<String, PathCount> paths = new LinkedHashMap<>();
        for (JourneyEnrolment enrolment : enrolments) {
            for (JourneyMove move : enrolment.moves()) {
                if (stageId.equals(move.to()) && enters(move)) {
                    entered++;
                }
                if (stageId.equals(move.fromStageId())) {
                    add(paths, move.kind().name(), move.to());
                }
            }
            if (enrolment.status() == JourneyEnrolmentStatus.ACTIVE && stageId.equals(enrolment.stageId())) {
                add(paths, "IN_STAGE", null);
            }
        }
        long total = entered;
        return new StageCount(stageId, entered, paths.values().stream()
                .map(p -> new PathCount(p.kind(), p.to(), p.count(), share(p.count(), total))).toList());
    }

    private static boolean enters(JourneyMove move) {
        return move.kind() == JourneyMove.Kind.ENROLLED || move.kind() == JourneyMove.Kind.STAGE;
    }

    private static void add(Map<String, PathCount> paths, String kind, String to) {
        paths.merge(kind + "/" + to, new PathCount(kind, to, 1, 0),
                (a, b) -> new PathCount(a.kind(), a.to(), a.count() + 1, 0));
    }

    private static long count(List<JourneyEnrolment> enrolments, JourneyEnrolmentStatus status) {
        return enrolments.stream().filter(e -> e.status() == status).count();
    }

    private static double share(long count, long of) {
        return of == 0 ? 0 : 100.0 * count / of;
    }
}
