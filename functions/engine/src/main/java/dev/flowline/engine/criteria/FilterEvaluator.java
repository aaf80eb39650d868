package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;

import java.util.List;

/**
 * The one evaluator of HubSpot's filter language, used for enrolment, re-enrolment, goals, if/then
 * branches and dynamic lists.
 *
 * <p>An {@code OR} with no children matches nobody and an {@code AND} with none matches everybody, as a
 * disjunction and a conjunction of nothing do; so a list or trigger without filters enrols no one.
 */
public final class FilterEvaluator {

    public boolean matches(FilterBranch branch, Contact contact, EvaluationContext context) {
        return passes(branch, contact, context, null);
    }

    public boolean matches(Filter filter, Contact contact, EvaluationContext context) {
        return passes(filter, contact, context, null);
    }

    /**
     * Whether one event, just received, satisfies a {@code UNIFIED_EVENTS} branch (event-based triggers): the
     * event is of the branch's type, inside its time window, its properties pass the branch's filters, and
     * the contact passes the nested branches. Receiving an event never satisfies {@code HAS_NOT_COMPLETED}.
     */
    public boolean eventMatches(FilterBranch unifiedEventsBranch, ActivityEvent event, Contact contact,
                                EvaluationContext context) {
        if (!"UNIFIED_EVENTS".equals(unifiedEventsBranch.filterBranchType())) {
            throw new UnsupportedFilterException("an event trigger needs a UNIFIED_EVENTS branch, not "
                    + unifiedEventsBranch.filterBranchType());
        }
        return hasCompleted(unifiedEventsBranch)
                && eventTypeId(unifiedEventsBranch).equals(event.eventTypeId())
                && EventWindow.of(unifiedEventsBranch.pruningRefineBy(), context).contains(event.occurredAt())
                && ActivityFilters.propertiesMatch(filters(unifiedEventsBranch), event, context)
                && all(branches(unifiedEventsBranch), contact, context, null);
    }

    static boolean accepts(ConstantFilter constant) {
        if (constant.shouldAccept() == null) {
            throw new UnsupportedFilterException("a CONSTANT filter needs shouldAccept");
        }
        return constant.shouldAccept();
    }

    private boolean passes(FilterBranch branch, Contact contact, EvaluationContext context, ListTrail trail) {
        String type = String.valueOf(branch.filterBranchType());
        return switch (type) {
            case "OR" -> any(branch, contact, context, trail);
            case "AND" -> every(branch, contact, context, trail);
            case "NOT_ALL" -> !every(branch, contact, context, trail);
            case "NOT_ANY" -> !any(branch, contact, context, trail);
            case "UNIFIED_EVENTS" -> unifiedEvents(branch, contact, context, trail);
            case FilterBranch.ASSOCIATION -> AssociationBranches.matches(branch, contact, context);
            default -> throw new UnsupportedFilterException("filter branch type " + type + " is not supported");
        };
    }

    private boolean passes(Filter filter, Contact contact, EvaluationContext context, ListTrail trail) {
        return switch (filter) {
            case PropertyFilter property ->
                    PropertyOperations.matches(contact, property.property(), property.operation(), context);
            case InListFilter inList -> inList(inList, contact, context, trail);
            case FormSubmissionFilter form -> ActivityFilters.formSubmission(form, contact, context);
            case PageViewFilter pageView -> ActivityFilters.pageView(pageView, contact, context);
            case EmailEventFilter email -> ActivityFilters.emailEvent(email, contact, context);
            case EventFilter event -> ActivityFilters.event(event, contact, context);
            case ConstantFilter constant -> accepts(constant);
            case UnknownFilter unknown when unknown.isAssociation() -> false; // lists of other objects: Flowline has none
            case UnknownFilter unknown ->
                    throw new UnsupportedFilterException("filter type " + unknown.kind() + " is not supported");
        };
    }

    private boolean any(FilterBranch branch, Contact contact, EvaluationContext context, ListTrail trail) {
        for (Filter filter : filters(branch)) {
            if (passes(filter, contact, context, trail)) {
                return true;
            }
        }
        for (FilterBranch child : branches(branch)) {
            if (passes(child, contact, context, trail)) {
                return true;
            }
        }
        return false;
    }

    private boolean every(FilterBranch branch, Contact contact, EvaluationContext context, ListTrail trail) {
        for (Filter filter : filters(branch)) {
            if (!passes(filter, contact, context, trail)) {
                return false;
            }
        }
        return all(branches(branch), contact, context, trail);
    }

    private boolean all(List<FilterBranch> branches, Contact contact, EvaluationContext context, ListTrail trail) {
        for (FilterBranch child : branches) {
            if (!passes(child, contact, context, trail)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The contact has (or has not) an event of the type whose properties pass the filters; nested branches
     * apply to the contact.
     */
    private boolean unifiedEvents(FilterBranch branch, Contact contact, EvaluationContext context, ListTrail trail) {
        String eventTypeId = eventTypeId(branch);
        List<Filter> filters = filters(branch);
        boolean happened = ActivityFilters.happened(branch.pruningRefineBy(), branch.coalescingRefineBy(), contact,
                context, eventTypeId, event -> ActivityFilters.propertiesMatch(filters, event, context));
        return happened == hasCompleted(branch) && all(branches(branch), contact, context, trail);
    }

    private boolean inList(InListFilter filter, Contact contact, EvaluationContext context, ListTrail trail) {
        boolean in = switch (String.valueOf(filter.operator())) {
            case "IN_LIST" -> true;
            case "NOT_IN_LIST" -> false;
            default -> throw new UnsupportedFilterException(
                    "IN_LIST operator " + filter.operator() + " is not supported");
        };
        WorkflowStatus status = workflowStatus(filter.metadata());
        if (status != null) {
            String flowId = filter.metadata().id() != null ? filter.metadata().id() : filter.listId();
            return in == context.workflows().has(contact.id(), flowId, status);
        }
        return in == member(filter.listId(), contact, context, trail);
    }

    /**
     * List membership. A list the directory does not know may still have been filled through the API, so
     * the contact's own static memberships answer for it.
     */
    private boolean member(String listId, Contact contact, EvaluationContext context, ListTrail trail) {
        if (listId == null) {
            throw new UnsupportedFilterException("an IN_LIST filter needs a listId");
        }
        ListDefinition list = context.lists().find(listId).orElse(null);
        if (list == null) {
            return contact.inStaticList(listId);
        }
        return switch (String.valueOf(list.processingType())) {
            case ListDefinition.MANUAL, ListDefinition.SNAPSHOT -> contact.inStaticList(listId);
            case ListDefinition.DYNAMIC -> {
                if (list.filterBranch() == null) {
                    throw new UnsupportedFilterException("dynamic list " + listId + " has no filter branch");
                }
                yield passes(list.filterBranch(), contact, context, ListTrail.enter(trail, listId));
            }
            default -> throw new UnsupportedFilterException(
                    "list processing type " + list.processingType() + " of list " + listId + " is not supported");
        };
    }

    private static WorkflowStatus workflowStatus(InListMetadata metadata) {
        if (metadata == null || metadata.inListType() == null) {
            return null;
        }
        return switch (metadata.inListType()) {
            case "WORKFLOWS_ENROLLMENT" -> WorkflowStatus.WORKFLOWS_ENROLLMENT;
            case "WORKFLOWS_ACTIVE" -> WorkflowStatus.WORKFLOWS_ACTIVE;
            case "WORKFLOWS_GOAL" -> WorkflowStatus.WORKFLOWS_GOAL;
            case "WORKFLOWS_COMPLETED" -> WorkflowStatus.WORKFLOWS_COMPLETED;
            default -> null;
        };
    }

    /** HAS_COMPLETED unless the branch says HAS_NOT_COMPLETED; a trigger's event branch means it happened. */
    private static boolean hasCompleted(FilterBranch branch) {
        return switch (branch.operator() == null ? "HAS_COMPLETED" : branch.operator()) {
            case "HAS_COMPLETED" -> true;
            case "HAS_NOT_COMPLETED" -> false;
            default -> throw new UnsupportedFilterException(
                    "UNIFIED_EVENTS operator " + branch.operator() + " is not supported");
        };
    }

    private static String eventTypeId(FilterBranch branch) {
        if (branch.eventTypeId() == null) {
            throw new UnsupportedFilterException("a UNIFIED_EVENTS branch needs an eventTypeId");
        }
        return branch.eventTypeId();
    }

    private static List<Filter> filters(FilterBranch branch) {
        return branch.filters() == null ? List.of() : branch.filters();
    }

    private static List<FilterBranch> branches(FilterBranch branch) {
        return branch.filterBranches() == null ? List.of() : branch.filterBranches();
    }

    /** The dynamic lists being evaluated, innermost first, to refuse a list that refers to itself. */
    private record ListTrail(String listId, ListTrail outer) {
        static ListTrail enter(ListTrail trail, String listId) {
            for (ListTrail t = trail; t != null; t = t.outer) {
                if (t.listId.equals(listId)) {
                    throw new UnsupportedFilterException("dynamic lists refer to each other in a cycle: "
                            + new ListTrail(listId, trail).path());
                }
            }
            return new ListTrail(listId, trail);
        }

        /** Outermost first, e.g. "1 -> 2 -> 1". */
        private String path() {
            return outer == null ? listId : outer.path() + " -> " + listId;
        }
    }
}
