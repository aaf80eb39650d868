package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.criteria.Filter;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.criteria.PropertyFilter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Re-enrolment triggers on a property change, in the two shapes flows carry: HubSpot's {@code UNIFIED_EVENTS}
 * branch on {@value StandardEvents#PROPERTY_CHANGE}, and a plain {@code AND} branch of {@code hs_name} /
 * {@code hs_value} property filters without the event type, which many flows read back from portals hold. No
 * contact has those two properties, so the plain branch is read as the event branch it stands for.
 */
final class PropertyChangeTriggers {

    private static final Set<String> EVENT_PROPERTIES = Set.of(StandardEvents.CHANGED_PROPERTY, StandardEvents.NEW_VALUE);
    private static final String UNIFIED_EVENTS = "UNIFIED_EVENTS";

    private PropertyChangeTriggers() {
    }

    /** The trigger as the branch to evaluate: a plain property-change branch as its event branch, any other as is. */
    static FilterBranch asEvaluated(FilterBranch trigger) {
        return asEventBranch(trigger).orElse(trigger);
    }

    /** The event branch a plain {@code AND} branch of {@code hs_name} / {@code hs_value} filters stands for. */
    static Optional<FilterBranch> asEventBranch(FilterBranch trigger) {
        List<Filter> filters = trigger.filters();
        boolean plain = "AND".equals(trigger.filterBranchType())
                && (trigger.filterBranches() == null || trigger.filterBranches().isEmpty())
                && filters != null && !filters.isEmpty()
                && filters.stream().allMatch(f -> f instanceof PropertyFilter p && EVENT_PROPERTIES.contains(p.property()))
                && filters.stream().anyMatch(f -> StandardEvents.CHANGED_PROPERTY.equals(((PropertyFilter) f).property()));
        return plain ? Optional.of(new FilterBranch(UNIFIED_EVENTS, "AND", List.of(), filters,
                StandardEvents.PROPERTY_CHANGE, "HAS_COMPLETED", null, null, null, null, null, null))
                : Optional.empty();
    }
}
