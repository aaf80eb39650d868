package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.definition.DatasetCriteria;
import dev.flowline.engine.definition.EventBasedCriteria;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.ListBasedCriteria;
import dev.flowline.engine.definition.ManualCriteria;
import dev.flowline.engine.definition.UnknownCriteria;

import java.util.List;
import java.util.function.Predicate;

/**
 * Whether a contact, as it is now, meets a flow's enrolment triggers: what "enrol the contacts that already
 * match" and the preview ask. A list-based flow asks its filter branch; an event-based flow asks whether the
 * contact's recorded events (or its list memberships) meet a trigger branch, then the refinement criteria.
 * Manual, dataset and scheduled flows have no triggers to meet.
 */
public final class TriggerMatch {

    private final EngineContext engine;

    public TriggerMatch(EngineContext engine) {
        this.engine = engine;
    }

    public boolean matches(Flow flow, Contact contact) {
        if (flow.enrollmentSchedule() != null) {
            return false;
        }
        // a contact as it is has no change: its recorded events and its memberships stand for what fired
        Predicate<FilterBranch> holdsNow = branch -> matches(branch, contact);
        return switch (flow.enrollmentCriteria()) {
            case null -> false;
            case ListBasedCriteria list -> holdsNow.test(list.listFilterBranch());
            case EventBasedCriteria events -> eventTriggered(events, holdsNow, holdsNow, holdsNow);
            case ManualCriteria manual -> false;
            case DatasetCriteria dataset -> false;
            case UnknownCriteria unknown -> false;
        };
    }

    /**
     * The rule of event triggers, for a change as for a contact as it is: an event branch fires or a
     * list-membership branch fires, and the refinement criteria, if any, hold.
     */
    static boolean eventTriggered(EventBasedCriteria criteria, Predicate<FilterBranch> eventFires,
                                  Predicate<FilterBranch> listMembershipFires, Predicate<FilterBranch> holds) {
        return (any(criteria.eventFilterBranches(), eventFires)
                || any(criteria.listMembershipFilterBranches(), listMembershipFires))
                && (criteria.refinementCriteria() == null || holds.test(criteria.refinementCriteria()));
    }

    private static boolean any(List<FilterBranch> branches, Predicate<FilterBranch> fires) {
        return branches != null && branches.stream().anyMatch(fires);
    }

    private boolean matches(FilterBranch branch, Contact contact) {
        return branch != null && engine.filters().matches(branch, contact, engine.evaluation());
    }
}
