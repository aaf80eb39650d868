package dev.flowline.engine.definition;

import dev.flowline.engine.criteria.CoalescingRefineBy;
import dev.flowline.engine.criteria.ConstantFilter;
import dev.flowline.engine.criteria.EmailEventFilter;
import dev.flowline.engine.criteria.EventFilter;
import dev.flowline.engine.criteria.Filter;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.criteria.FormSubmissionFilter;
import dev.flowline.engine.criteria.InListFilter;
import dev.flowline.engine.criteria.PageViewFilter;
import dev.flowline.engine.criteria.PropertyFilter;
import dev.flowline.engine.criteria.PruningRefineBy;
import dev.flowline.engine.criteria.UnknownFilter;
import dev.flowline.engine.json.FlowlineJson;

import java.util.List;

import static dev.flowline.engine.definition.Problems.quote;

/** A filter branch and everything under it, as HubSpot's filter language (reference section 5) defines it. */
final class FilterCheck {

    static final String UNIFIED_EVENTS = "UNIFIED_EVENTS";
    private static final List<String> LOGICAL_BRANCHES = List.of("OR", "AND", "NOT_ALL", "NOT_ANY");
    private static final List<String> EVENT_BRANCH_OPERATORS = List.of("HAS_COMPLETED", "HAS_NOT_COMPLETED");
    private static final List<String> IN_LIST_OPERATORS = List.of("IN_LIST", "NOT_IN_LIST");
    private static final List<String> FORM_OPERATORS = List.of("FILLED_OUT", "NOT_FILLED_OUT");
    private static final List<String> PAGE_VIEW_OPERATORS = List.of("HAS_PAGEVIEW_EQ", "HAS_PAGEVIEW_CONTAINS",
            "HAS_PAGEVIEW_MATCHES_REGEX", "NOT_HAS_PAGEVIEW_EQ", "NOT_HAS_PAGEVIEW_CONTAINS");
    private static final List<String> EMAIL_EVENT_OPERATORS = List.of("BOUNCED", "LINK_CLICKED", "MARKED_SPAM",
            "OPENED", "OPENED_BUT_LINK_NOT_CLICKED", "OPENED_BUT_NOT_REPLIED", "RECEIVED", "RECEIVED_BUT_NOT_OPENED",
            "REPLIED", "SENT", "SENT_BUT_LINK_NOT_CLICKED", "SENT_BUT_NOT_RECEIVED", "UNSUBSCRIBED");
    private static final List<String> EVENT_OPERATORS = List.of("HAS_EVENT", "NOT_HAS_EVENT");
    /** The deepest filter branch nesting accepted, the outermost branch being level 1. */
    static final int MAX_DEPTH = 20;

    private final Problems problems;
    private final OperationCheck operations;
    private final RefineByCheck refineBys;

    FilterCheck(Problems problems) {
        this.problems = problems;
        this.operations = new OperationCheck(problems);
        this.refineBys = new RefineByCheck(problems);
    }

    /** A branch that must describe an event: an event trigger or the event a delay waits for. */
    void eventBranch(FilterBranch branch, Pointer at) {
        String type = branch.filterBranchType();
        if (type != null && !UNIFIED_EVENTS.equals(type)) {
            problems.add(at.field("filterBranchType"),
                    "an event branch must have filterBranchType \"UNIFIED_EVENTS\", not " + quote(type));
            return;
        }
        branch(branch, at);
    }

    void branch(FilterBranch branch, Pointer at) {
        branch(branch, at, 1);
    }

    private void branch(FilterBranch branch, Pointer at, int depth) {
        if (depth > MAX_DEPTH) {
            problems.add(at, "filter branches can be nested at most " + MAX_DEPTH + " levels deep");
            return;
        }
        String type = branch.filterBranchType();
        if (UNIFIED_EVENTS.equals(type)) {
            problems.require(at, "eventTypeId", branch.eventTypeId());
            problems.oneOf(at, "operator", branch.operator(), EVENT_BRANCH_OPERATORS);
            refineBys(branch.pruningRefineBy(), branch.coalescingRefineBy(), at);
        } else if (FilterBranch.ASSOCIATION.equals(type)) {
            problems.require(at, "objectTypeId", branch.objectTypeId());
            if (branch.operator() != null) {
                problems.oneOf(at, "operator", branch.operator(), IN_LIST_OPERATORS);
            }
            associatedRecord(branch, at, depth);
            return;
        } else if (type == null || !LOGICAL_BRANCHES.contains(type)) {
            // RESTRICTED branches included: their children are not about the contact itself.
            problems.notEvaluated(at, "filterBranchType", type, "filter branch type");
            return;
        }
        problems.each(branch.filterBranches(), at.field("filterBranches"),
                (child, childAt) -> branch(child, childAt, depth + 1));
        problems.each(branch.filters(), at.field("filters"), this::filter);
    }

    /** What an ASSOCIATION branch holds is about the associated record: its properties, in logical branches. */
    private void associatedRecord(FilterBranch branch, Pointer at, int depth) {
        if (depth > MAX_DEPTH) {
            problems.add(at, "filter branches can be nested at most " + MAX_DEPTH + " levels deep");
            return;
        }
        problems.each(branch.filterBranches(), at.field("filterBranches"), (child, childAt) -> {
            if (LOGICAL_BRANCHES.contains(child.filterBranchType())) {
                associatedRecord(child, childAt, depth + 1);
            } else {
                problems.notEvaluated(childAt, "filterBranchType", child.filterBranchType(),
                        "inside an ASSOCIATION branch, filter branch type");
            }
        });
        problems.each(branch.filters(), at.field("filters"), (filter, filterAt) -> {
            switch (filter) {
                case PropertyFilter f -> property(f, filterAt);
                case ConstantFilter f -> problems.require(filterAt, "shouldAccept", f.shouldAccept());
                default -> problems.notEvaluated(filterAt, "filterType",
                        FlowlineJson.tree(filter).path("filterType").asText(null), "inside an ASSOCIATION branch, filter type");
            }
        });
    }

    private void filter(Filter filter, Pointer at) {
        switch (filter) {
            case PropertyFilter f -> property(f, at);
            case InListFilter f -> {
                problems.require(at, "listId", f.listId());
                problems.oneOf(at, "operator", f.operator(), IN_LIST_OPERATORS);
            }
            case FormSubmissionFilter f -> {
                problems.oneOf(at, "operator", f.operator(), FORM_OPERATORS);
                refineBys(f.pruningRefineBy(), f.coalescingRefineBy(), at);
            }
            case PageViewFilter f -> {
                problems.require(at, "pageUrl", f.pageUrl());
                problems.oneOf(at, "operator", f.operator(), PAGE_VIEW_OPERATORS);
                refineBys(f.pruningRefineBy(), f.coalescingRefineBy(), at);
            }
            case EmailEventFilter f -> {
                problems.oneOf(at, "operator", f.operator(), EMAIL_EVENT_OPERATORS);
                refineBys(f.pruningRefineBy(), f.coalescingRefineBy(), at);
            }
            case EventFilter f -> {
                problems.oneOf(at, "operator", f.operator(), EVENT_OPERATORS);
                problems.each(f.filterLines(), at.field("filterLines"), this::property);
                refineBys(f.pruningRefineBy(), f.coalescingRefineBy(), at);
            }
            case ConstantFilter f -> problems.require(at, "shouldAccept", f.shouldAccept());
            case UnknownFilter f when f.isAssociation() -> {
                // kept as it came: its fields are about the associated records' lists
            }
            case UnknownFilter f -> problems.notEvaluated(at, "filterType", f.kind(), "filter type");
        }
    }

    private void property(PropertyFilter filter, Pointer at) {
        problems.propertyName(at, "property", filter.property());
        if (problems.require(at, "operation", filter.operation())) {
            operations.check(filter.operation(), at.field("operation"));
        }
    }

    private void refineBys(PruningRefineBy pruning, CoalescingRefineBy coalescing, Pointer at) {
        refineBys.pruning(pruning, at.field("pruningRefineBy"));
        refineBys.coalescing(coalescing, at.field("coalescingRefineBy"));
    }
}
