package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.criteria.AllPropertyOperation;
import dev.flowline.engine.criteria.Filter;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.criteria.PropertyFilter;
import dev.flowline.engine.definition.DatasetCriteria;
import dev.flowline.engine.definition.EventBasedCriteria;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.ListBasedCriteria;
import dev.flowline.engine.definition.ManualCriteria;
import dev.flowline.engine.definition.UnknownCriteria;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides, for one contact change, which flows the contact enrols in, re-enrols in, or leaves because it no
 * longer meets their triggers. A trigger fires on the edge from not matching to matching, never while a
 * contact merely keeps matching.
 */
public final class TriggerEvaluator {

    private static final String UNIFIED_EVENTS = "UNIFIED_EVENTS";
    private static final String IS_KNOWN = "IS_KNOWN";

    private final EngineContext engine;
    private final Enroller enroller;
    private final Unenroller unenroller;
    private final Consumer<ContactChange> journeys;
    private volatile TriggerIndex index = TriggerIndex.of(List.of());

    public TriggerEvaluator(EngineContext engine, Enroller enroller, Unenroller unenroller) {
        this(engine, enroller, unenroller, change -> { });
    }

    /** With {@code journeys}, which moves contacts through customer journeys on the same changes. */
    public TriggerEvaluator(EngineContext engine, Enroller enroller, Unenroller unenroller,
                            Consumer<ContactChange> journeys) {
        this.engine = engine;
        this.enroller = enroller;
        this.unenroller = unenroller;
        this.journeys = journeys;
    }

    public void onChange(ContactChange change) {
        for (Flow flow : currentIndex().candidates(change)) {
            evaluate(flow, change);
        }
        journeys.accept(change);
    }

    /**
     * Whether a change of these properties can concern a flow's triggers (the contact need not be read otherwise):
     * such a change brings a property-change event per property.
     */
    public boolean concernsProperties(Set<String> properties) {
        return currentIndex().anyCandidate(properties.isEmpty() ? Set.of() : Set.of(StandardEvents.PROPERTY_CHANGE),
                properties);
    }

    /** Whether an activity can concern a flow's triggers (the contact need not be read otherwise). */
    public boolean concernsActivity(ActivityEvent event) {
        String changed = StandardEvents.PROPERTY_CHANGE.equals(event.eventTypeId())
                ? event.properties().get(StandardEvents.CHANGED_PROPERTY) : null;
        return currentIndex().anyCandidate(Set.of(event.eventTypeId()), changed == null ? Set.of() : Set.of(changed));
    }

    /** The index of the enabled flows, built again only when they changed. */
    private TriggerIndex currentIndex() {
        Collection<Flow> enabled = engine.flows().enabledFlows();
        if (!index.indexes(enabled)) {
            index = TriggerIndex.of(enabled);
        }
        return index;
    }

    public void evaluate(Flow flow, ContactChange change) {
        if (flow.enrollmentSchedule() != null) {
            return; // A scheduled flow enrols at its runs only (EnrolmentSchedules), not when contacts change.
        }
        List<Enrolment> previous = engine.enrolments().ofContact(flow.id(), change.after().id());
        enroller.queueUnstarted(previous);
        var active = previous.stream().filter(Enrolment::isActive).findFirst();
        switch (flow.enrollmentCriteria()) {
            case null -> {
                // no triggers at all (the validator lets a flow leave them out): enrolled by hand only
            }
            case ListBasedCriteria list -> {
                boolean after = matches(list.listFilterBranch(), change.after());
                // A change of associated records leaves no trace on the contact: criteria that read them count as
                // they stand now, as if the contact had just begun (or stopped) meeting them.
                boolean associations = list.listFilterBranch() != null && list.listFilterBranch().readsAssociations();
                boolean before = associations ? !after : matches(list.listFilterBranch(), change.before());
                if (active.isPresent()) {
                    if (Boolean.TRUE.equals(list.unEnrollObjectsNotMeetingCriteria()) && before && !after) {
                        unenroller.unenrol(active.get(), UnenrolmentReason.NO_LONGER_MEETS_CRITERIA);
                    }
                } else if (previous.isEmpty()) {
                    if (!before && after) {
                        enroller.enrol(flow, change.after(), EnrolmentSource.TRIGGER, previous);
                    }
                } else if (list.reEnrolls() && after && reEnrollmentTriggered(list, change, associations || before)) {
                    enroller.enrol(flow, change.after(), EnrolmentSource.RE_ENROLMENT, previous);
                }
            }
            case EventBasedCriteria events -> {
                if (active.isEmpty() && eventTriggered(events, change)) {
                    enroller.enrol(flow, change.after(),
                            previous.isEmpty() ? EnrolmentSource.TRIGGER : EnrolmentSource.RE_ENROLMENT, previous);
                }
            }
            case ManualCriteria manual -> {
                // enrolled by hand or by another workflow only
            }
            case DatasetCriteria dataset -> {
                // enrolled from a dataset only
            }
            case UnknownCriteria unknown -> {
                // a criteria type Flowline does not know: kept, never enrols by itself
            }
        }
    }

    /**
     * A re-enrolment trigger fired: an event branch (or a plain branch of property-change filters, read as one:
     * {@link PropertyChangeTriggers}) matched one of the change's events, or a filter branch
     * went from not matching to matching, or an {@code is known} filter's property changed from one value to
     * another. Without explicit re-enrolment triggers, the enrolment triggers' own edge is the re-enrolment
     * trigger.
     */
    private boolean reEnrollmentTriggered(ListBasedCriteria list, ContactChange change, boolean triggersMatchedBefore) {
        var triggers = list.reEnrollmentTriggersFilterBranches();
        if (triggers == null || triggers.isEmpty()) {
            return !triggersMatchedBefore;
        }
        for (FilterBranch written : triggers) {
            FilterBranch trigger = PropertyChangeTriggers.asEvaluated(written);
            boolean fired = UNIFIED_EVENTS.equals(trigger.filterBranchType())
                    ? anyEventMatches(trigger, change)
                    : matches(trigger, change.after())
                    && (!matches(trigger, change.before()) || knownValueChanged(trigger, change));
            if (fired) {
                return true;
            }
        }
        return false;
    }

    /** Whether an {@code is known} filter in the branch names a property whose value this change replaced. */
    private static boolean knownValueChanged(FilterBranch branch, ContactChange change) {
        if (change.before() == null) {
            return false;
        }
        for (Filter filter : nullSafe(branch.filters())) {
            if (filter instanceof PropertyFilter property
                    && property.operation() instanceof AllPropertyOperation operation
                    && IS_KNOWN.equals(operation.operator())
                    && !change.before().value(property.property()).equals(change.after().value(property.property()))) {
                return true;
            }
        }
        return nullSafe(branch.filterBranches()).stream().anyMatch(child -> knownValueChanged(child, change));
    }

    private static <T> List<T> nullSafe(List<T> items) {
        return items == null ? List.of() : items;
    }

    private boolean eventTriggered(EventBasedCriteria criteria, ContactChange change) {
        return TriggerMatch.eventTriggered(criteria, branch -> anyEventMatches(branch, change),
                branch -> !matches(branch, change.before()) && matches(branch, change.after()),
                branch -> matches(branch, change.after()));
    }

    private boolean anyEventMatches(FilterBranch branch, ContactChange change) {
        for (ActivityEvent event : change.events()) {
            if (engine.filters().eventMatches(branch, event, change.after(), engine.evaluation())) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(FilterBranch branch, Contact contact) {
        return branch != null && contact != null && engine.filters().matches(branch, contact, engine.evaluation());
    }
}
