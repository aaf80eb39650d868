package dev.flowline.engine.definition;

import static dev.flowline.engine.definition.Pointer.ROOT;

/** The enrolment criteria and the goal: their kind, and every filter branch they hold. */
final class CriteriaCheck {

    private final Problems problems;
    private final FilterCheck filters;

    CriteriaCheck(Problems problems, FilterCheck filters) {
        this.problems = problems;
        this.filters = filters;
    }

    void check(Flow flow) {
        Pointer at = ROOT.field("enrollmentCriteria");
        switch (flow.enrollmentCriteria()) {
            case null -> {
            }
            case ListBasedCriteria c -> {
                if (problems.require(at, "listFilterBranch", c.listFilterBranch())) {
                    filters.branch(c.listFilterBranch(), at.field("listFilterBranch"));
                }
                problems.each(c.reEnrollmentTriggersFilterBranches(), at.field("reEnrollmentTriggersFilterBranches"),
                        filters::branch);
            }
            case EventBasedCriteria c -> {
                problems.each(c.eventFilterBranches(), at.field("eventFilterBranches"), filters::eventBranch);
                problems.each(c.listMembershipFilterBranches(), at.field("listMembershipFilterBranches"),
                        filters::branch);
                if (c.refinementCriteria() != null) {
                    filters.branch(c.refinementCriteria(), at.field("refinementCriteria"));
                }
            }
            case ManualCriteria c -> {
            }
            case DatasetCriteria c -> problems.notEvaluated(at, "type", c.type(), "enrollment criteria type");
            case UnknownCriteria c -> problems.notEvaluated(at, "type", c.type(), "enrollment criteria type");
        }
        if (flow.goalFilterBranch() != null) {
            filters.branch(flow.goalFilterBranch(), ROOT.field("goalFilterBranch"));
        }
    }
}
