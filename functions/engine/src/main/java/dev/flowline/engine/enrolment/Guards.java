package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.InListFilter;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.ListBasedCriteria;

import java.util.Optional;

/** The checks that keep a contact out of a flow or take it out: goal, suppression lists, triggers. */
final class Guards {

    private final EngineContext engine;

    Guards(EngineContext engine) {
        this.engine = engine;
    }

    boolean meetsGoal(Flow flow, Contact contact) {
        return flow.goalFilterBranch() != null
                && engine.filters().matches(flow.goalFilterBranch(), contact, engine.evaluation());
    }

    boolean inSuppressionList(Flow flow, Contact contact) {
        if (flow.suppressionListIds() == null) {
            return false;
        }
        for (Long listId : flow.suppressionListIds()) {
            var member = new InListFilter("IN_LIST", String.valueOf(listId), "IN_LIST", null, null);
            if (engine.filters().matches(member, contact, engine.evaluation())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a filter-based flow's triggers match; false for flows without filter triggers. */
    boolean meetsListTriggers(Flow flow, Contact contact) {
        return contact != null
                && flow.enrollmentCriteria() instanceof ListBasedCriteria list
                && list.listFilterBranch() != null
                && engine.filters().matches(list.listFilterBranch(), contact, engine.evaluation());
    }

    /** Checked before every step: goal first (it may count a conversion), then suppression lists. */
    Optional<UnenrolmentReason> beforeStep(Flow flow, Contact contact) {
        if (meetsGoal(flow, contact)) {
            return Optional.of(UnenrolmentReason.GOAL_MET);
        }
        if (inSuppressionList(flow, contact)) {
            return Optional.of(UnenrolmentReason.SUPPRESSION_LIST);
        }
        return Optional.empty();
    }
}
