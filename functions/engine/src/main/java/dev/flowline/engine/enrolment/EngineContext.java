package dev.flowline.engine.enrolment;

import dev.flowline.engine.action.ActionExecutor;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.criteria.EvaluationContext;
import dev.flowline.engine.criteria.FilterEvaluator;
import dev.flowline.engine.criteria.ListDirectory;
import dev.flowline.engine.crm.ContactAssociations;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.definition.FlowStore;
import dev.flowline.engine.history.FlowMetrics;
import dev.flowline.engine.history.History;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The ports and settings the enrolment services share. {@code timeZone} is the account's time zone; {@code crm} holds
 * the records associated with contacts, which {@code ASSOCIATION} filter branches read.
 */
public record EngineContext(Clock clock, ZoneId timeZone, FlowStore flows, ContactStore contacts,
                            EnrolmentStore enrolments, StepScheduler steps, History history, FlowMetrics metrics,
                            EngineEvents events, ListDirectory lists, ActionExecutor actions, CrmObjectStore crm) {

    /** A context for one evaluation: associated records are read only if a branch asks, at most once each. */
    public EvaluationContext evaluation() {
        return new EvaluationContext(clock, timeZone, lists, new EnrolmentStatuses(enrolments),
                new ContactAssociations(crm));
    }

    /** The same context on a clock stopped at {@code instant}: how filters answered then. */
    public EngineContext at(Instant instant) {
        return new EngineContext(Clock.fixed(instant, clock.getZone()), timeZone, flows, contacts, enrolments, steps,
                history, metrics, events, lists, actions, crm);
    }

    public FilterEvaluator filters() {
        return FILTERS;
    }

    private static final FilterEvaluator FILTERS = new FilterEvaluator();
}
