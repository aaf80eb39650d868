package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.criteria.CalendarDateOperation;
import dev.flowline.engine.criteria.DateTimePoint;
import dev.flowline.engine.criteria.DateOperation;
import dev.flowline.engine.criteria.RangedDateOperation;
import dev.flowline.engine.criteria.DateTimeOperation;
import dev.flowline.engine.criteria.EnumerationOperation;
import dev.flowline.engine.criteria.MultiStringOperation;
import dev.flowline.engine.criteria.StringOperation;
import dev.flowline.engine.criteria.NumberRangedOperation;
import dev.flowline.engine.criteria.NumberOperation;
import dev.flowline.engine.criteria.BoolOperation;
import dev.flowline.engine.criteria.AllPropertyOperation;
import dev.flowline.engine.criteria.ComparativeOperation;
import dev.flowline.engine.criteria.ConstantFilter;
import dev.flowline.engine.criteria.EmailEventFilter;
import dev.flowline.engine.criteria.EventFilter;
import dev.flowline.engine.criteria.Filter;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.criteria.FormSubmissionFilter;
import dev.flowline.engine.criteria.InListFilter;
import dev.flowline.engine.criteria.IndexedTimePoint;
import dev.flowline.engine.criteria.PageViewFilter;
import dev.flowline.engine.criteria.PropertyFilter;
import dev.flowline.engine.criteria.PropertyOperation;
import dev.flowline.engine.criteria.PropertyReferencedTimePoint;
import dev.flowline.engine.criteria.RollingDateRangeOperation;
import dev.flowline.engine.criteria.RollingPropertyUpdatedOperation;
import dev.flowline.engine.criteria.TimePoint;
import dev.flowline.engine.criteria.TimePointOperation;
import dev.flowline.engine.criteria.TimeRangedOperation;
import dev.flowline.engine.criteria.UnknownFilter;
import dev.flowline.engine.criteria.UnknownOperation;
import dev.flowline.engine.criteria.UnknownTimePoint;
import dev.flowline.engine.criteria.WorkflowStatus;
import dev.flowline.engine.definition.DatasetCriteria;
import dev.flowline.engine.definition.EventBasedCriteria;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.ListBasedCriteria;
import dev.flowline.engine.definition.ManualCriteria;
import dev.flowline.engine.definition.UnknownCriteria;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flows a contact change may trigger, so that a change evaluates only the flows whose triggers mention a
 * property it changed or an event type it brought, never every enabled flow.
 *
 * <p>A trigger fires on an edge between the contact before and after the change, or on one of the change's
 * events; so it can only fire through something it reads that the change touched. Flows whose triggers read
 * what the index does not follow are evaluated on every change: list memberships (a dynamic list may read
 * anything), associated records, times relative to now (kept out of the index to be safe) and filters it does not
 * know. A new contact may start matching any trigger (an "is unknown" filter, say), so it evaluates every flow.
 * Property names compare exactly: HubSpot's are lower case.
 */
public final class TriggerIndex {

    private static final String UNIFIED_EVENTS = "UNIFIED_EVENTS";
    private static final List<String> EMAIL_EVENTS = List.of(StandardEvents.EMAIL_SENT,
            StandardEvents.EMAIL_DELIVERED, StandardEvents.EMAIL_OPEN, StandardEvents.EMAIL_CLICK,
            StandardEvents.EMAIL_REPLY, StandardEvents.EMAIL_BOUNCE, StandardEvents.EMAIL_SPAM,
            StandardEvents.EMAIL_UNSUBSCRIBE);
    private static final List<String> WORKFLOW_EVENTS = List.of(StandardEvents.WORKFLOW_ENROLLED,
            StandardEvents.WORKFLOW_UNENROLLED, StandardEvents.WORKFLOW_GOAL_MET);

    private final Collection<Flow> source;
    private final List<Flow> flows;
    private final Map<String, Flow> byId = new HashMap<>();
    private final Map<String, BitSet> byProperty = new HashMap<>();
    private final Map<String, BitSet> byEventType = new HashMap<>();
    private final BitSet always = new BitSet();

    private TriggerIndex(Collection<Flow> flows) {
        this.source = flows;
        this.flows = List.copyOf(flows);
        for (int position = 0; position < this.flows.size(); position++) {
            Flow flow = this.flows.get(position);
            byId.put(flow.id(), flow);
            Reads reads = Reads.of(flow);
            if (reads.anything) {
                always.set(position);
            }
            file(byProperty, reads.properties, position);
            file(byEventType, reads.eventTypes, position);
        }
    }

    public static TriggerIndex of(Collection<Flow> flows) {
        return new TriggerIndex(flows);
    }

    /**
     * Whether this index was built from these flows: the very collection it was built from (a store hands out
     * the same immutable collection until its flows change), or equal definitions. A revision id alone does
     * not say: a flow replaced in memory may keep it.
     */
    public boolean indexes(Collection<Flow> current) {
        if (current == source) {
            return true;
        }
        if (current.size() != flows.size()) {
            return false;
        }
        for (Flow flow : current) {
            Flow indexed = byId.get(flow.id());
            boolean same = indexed != null && (indexed == flow || indexed.equals(flow));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Whether the flow's triggers read a time relative to now, whose answer moves with the clock. */
    public static boolean readsTimeRelativeToNow(Flow flow) {
        return Reads.of(flow).relativeTime;
    }

    /**
     * Whether a change bringing events of these types, and changing these properties, has any flow to evaluate: what
     * {@link #candidates} would answer for a contact that was read, said before reading it.
     */
    public boolean anyCandidate(Set<String> eventTypes, Set<String> properties) {
        return !always.isEmpty() || eventTypes.stream().anyMatch(byEventType::containsKey)
                || properties.stream().anyMatch(byProperty::containsKey);
    }

    /** The flows to evaluate for the change, in the order the index was built from. */
    public List<Flow> candidates(ContactChange change) {
        if (change.before() == null) {
            return flows;
        }
        BitSet selected = (BitSet) always.clone();
        for (ActivityEvent event : change.events()) {
            select(selected, byEventType, event.eventTypeId());
            if (StandardEvents.PROPERTY_CHANGE.equals(event.eventTypeId())) {
                select(selected, byProperty, event.properties().get(StandardEvents.CHANGED_PROPERTY));
            }
        }
        List<Flow> candidates = new ArrayList<>(selected.cardinality());
        selected.stream().forEach(position -> candidates.add(flows.get(position)));
        return candidates;
    }

    private static void file(Map<String, BitSet> index, Set<String> keys, int position) {
        for (String key : keys) {
            index.computeIfAbsent(key, k -> new BitSet()).set(position);
        }
    }

    private static void select(BitSet selected, Map<String, BitSet> index, String key) {
        BitSet flows = key == null ? null : index.get(key);
        if (flows != null) {
            selected.or(flows);
        }
    }

    /** What a flow's triggers read: property names and event types, or anything at all. */
    private static final class Reads {

        final Set<String> properties = new HashSet<>();
        final Set<String> eventTypes = new HashSet<>();
        boolean anything;
        boolean relativeTime;

        /**
         * A list-based flow's enrolment, unenrolment and re-enrolment compare the contact before and after
         * against its filter branches. An event-based flow fires on one of the change's events or on a
         * list-membership branch's edge; its refinement criteria are read only once it fired, so they add
         * nothing. Manual, dataset and scheduled flows have no triggers a change can fire.
         */
        static Reads of(Flow flow) {
            var reads = new Reads();
            if (flow.enrollmentSchedule() != null) {
                return reads;
            }
            switch (flow.enrollmentCriteria()) {
                case null -> reads.anything = true;
                case ListBasedCriteria list -> {
                    reads.branch(list.listFilterBranch());
                    nullSafe(list.reEnrollmentTriggersFilterBranches())
                            .forEach(trigger -> reads.branch(PropertyChangeTriggers.asEvaluated(trigger)));
                }
                case EventBasedCriteria events -> {
                    nullSafe(events.eventFilterBranches()).forEach(reads::eventType);
                    nullSafe(events.listMembershipFilterBranches()).forEach(reads::branch);
                }
                case ManualCriteria manual -> { }
                case DatasetCriteria dataset -> { }
                case UnknownCriteria unknown -> { }
            }
            return reads;
        }

        /** An event trigger: matched against the change's events of its type. */
        private void eventType(FilterBranch branch) {
            if (branch.eventTypeId() == null) {
                anything = true;
            } else {
                eventTypes.add(branch.eventTypeId());
            }
        }

        private void branch(FilterBranch branch) {
            if (branch == null) {
                return;
            }
            if (FilterBranch.ASSOCIATION.equals(branch.filterBranchType())) {
                anything = true; // its filters read the associated records, which no contact property names
                return;
            }
            if (UNIFIED_EVENTS.equals(branch.filterBranchType())) {
                eventType(branch); // its filters read the event's properties, not the contact's
            } else {
                nullSafe(branch.filters()).forEach(this::filter);
            }
            nullSafe(branch.filterBranches()).forEach(this::branch);
        }

        private void filter(Filter filter) {
            switch (filter) {
                case PropertyFilter property -> property(property);
                case InListFilter inList -> {
                    if (isWorkflowStatus(inList)) {
                        eventTypes.addAll(WORKFLOW_EVENTS);
                    } else {
                        anything = true;
                    }
                }
                case FormSubmissionFilter form -> eventTypes.add(StandardEvents.FORM_SUBMISSION);
                case PageViewFilter pageView -> eventTypes.add(StandardEvents.PAGE_VIEW);
                case EmailEventFilter email -> eventTypes.addAll(EMAIL_EVENTS);
                case EventFilter event -> {
                    if (event.eventId() == null) {
                        anything = true;
                    } else {
                        eventTypes.add(event.eventId());
                    }
                }
                case ConstantFilter constant -> { }
                case UnknownFilter unknown -> anything = true;
            }
        }

        private void property(PropertyFilter filter) {
            if (filter.property() == null) {
                anything = true;
                return;
            }
            properties.add(filter.property());
            PropertyOperation operation = filter.operation();
            switch (operation) {
                case ComparativeOperation comparative when comparative.comparisonPropertyName() != null ->
                        properties.add(comparative.comparisonPropertyName());
                case TimePointOperation point -> timePoint(point.timePoint());
                case TimeRangedOperation range -> {
                    timePoint(range.lowerBoundTimePoint());
                    timePoint(range.upperBoundTimePoint());
                }
                case RollingDateRangeOperation rolling -> readsNow();
                case RollingPropertyUpdatedOperation rolling -> readsNow();
                case CalendarDateOperation calendar -> readsNow();
                case UnknownOperation unknown -> anything = true;
                // these read only their own property, already added
                case null -> { }
                case ComparativeOperation comparative -> { }
                case AllPropertyOperation all -> { }
                case BoolOperation bool -> { }
                case NumberOperation number -> { }
                case NumberRangedOperation range -> { }
                case StringOperation string -> { }
                case MultiStringOperation strings -> { }
                case EnumerationOperation enumeration -> { }
                case DateTimeOperation dateTime -> { }
                case RangedDateOperation range -> { }
                case DateOperation date -> { }
            }
        }

        /** A time read from another property, or relative to now (whose answer moves with the clock). */
        private void timePoint(TimePoint point) {
            switch (point) {
                case PropertyReferencedTimePoint referenced when referenced.property() != null ->
                        properties.add(referenced.property());
                case IndexedTimePoint relative -> readsNow();
                case UnknownTimePoint unknown -> anything = true;
                // a fixed date, or a reference naming no property: nothing more to read
                case PropertyReferencedTimePoint unnamed -> { }
                case DateTimePoint fixed -> { }
                case null -> { }
            }
        }

        /** A time relative to now: kept out of the index, and swept as time passes. */
        private void readsNow() {
            anything = true;
            relativeTime = true;
        }

        private static boolean isWorkflowStatus(InListFilter filter) {
            if (filter.metadata() == null || filter.metadata().inListType() == null) {
                return false;
            }
            try {
                WorkflowStatus.valueOf(filter.metadata().inListType());
                return true;
            } catch (IllegalArgumentException otherList) {
                return false;
            }
        }

        private static <T> List<T> nullSafe(List<T> items) {
            return items == null ? List.of() : items;
        }
    }
}
