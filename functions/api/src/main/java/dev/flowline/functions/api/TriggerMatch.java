package dev.flowline.functions.api;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.definition.EventBasedCriteria;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.ListBasedCriteria;
import dev.flowline.engine.enrolment.EngineContext;

import java.util.List;

/**
 * Whether a contact, as it is now, meets a flow's enrolment triggers: what "enrol the contacts that already
 * match" and the preview ask. A list-based flow asks its filter branch; an event-based flow asks whether the
 * contact's recorded events (or its list memberships) meet a trigger branch, then the refinement criteria.
 * Manual, dataset and scheduled flows have no triggers to meet.
 */
final class TriggerMatch {

    private final EngineContext engine;

    TriggerMatch(EngineContext engine) {
        this.engine = engine;
    }

    boolean matches(Flow flow, Contact contact) {
        if (flow.enrollmentSchedule() != null) {
            return false;
        }
        return switch (flow.enrollmentCriteria()) {
            case ListBasedCriteria list -> matches(list.listFilterBranch(), contact);
            case EventBasedCriteria events -> (any(events.eventFilterBranches(), contact)
                    || any(events.listMembershipFilterBranches(), contact))
                    && (events.refinementCriteria() == null || matches(events.refinementCriteria(), contact));
            case null, default -> false;
        };
    }

    private boolean any(List<FilterBranch> branches, Contact contact) {
        return branches != null && branches.stream().anyMatch(branch -> matches(branch, contact));
    }

    private boolean matches(FilterBranch branch, Contact contact) {
        return branch != null && engine.filters().matches(branch, contact, engine.evaluation());
    }
}
