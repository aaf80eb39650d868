package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;

/**
 * The one evaluator of HubSpot's filter language, used for enrolment, re-enrolment, goals, if/then
 * branches and dynamic lists.
 */
public final class FilterEvaluator {

    public boolean matches(FilterBranch branch, Contact contact, EvaluationContext context) {
        throw new UnsupportedFilterException("not implemented yet");
    }

    public boolean matches(Filter filter, Contact contact, EvaluationContext context) {
        throw new UnsupportedFilterException("not implemented yet");
    }

    /** Whether one event, just received, satisfies a {@code UNIFIED_EVENTS} branch (event-based triggers). */
    public boolean eventMatches(FilterBranch unifiedEventsBranch, ActivityEvent event, Contact contact,
                                EvaluationContext context) {
        throw new UnsupportedFilterException("not implemented yet");
    }
}
