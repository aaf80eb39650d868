package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.PropertySource;

import java.util.List;

/**
 * {@code ASSOCIATION} filter branches: "the contact is associated with a company (deal, ticket) that...". With
 * {@code operator} {@code IN_LIST} (the default) the branch matches when at least one record associated by the
 * branch's {@code associationTypeId} passes its filters and nested branches; with {@code NOT_IN_LIST} when none
 * does. Inside, filters are about the associated record: {@code PROPERTY} and {@code CONSTANT} filters, combined by
 * {@code filterBranchOperator} ({@code AND} unless {@code OR}) and nested {@code AND}, {@code OR}, {@code NOT_ALL} and
 * {@code NOT_ANY} branches.
 */
final class AssociationBranches {

    private AssociationBranches() {
    }

    static boolean matches(FilterBranch branch, Contact contact, EvaluationContext context) {
        boolean in = switch (branch.operator() == null ? "IN_LIST" : branch.operator()) {
            case "IN_LIST" -> true;
            case "NOT_IN_LIST" -> false;
            default -> throw new UnsupportedFilterException(
                    "ASSOCIATION operator " + branch.operator() + " is not supported");
        };
        if (branch.objectTypeId() == null) {
            throw new UnsupportedFilterException("an ASSOCIATION branch needs an objectTypeId");
        }
        List<? extends PropertySource> records = context.associations().of(contact.id(), branch.objectTypeId(),
                branch.associationTypeId(), branch.associationCategory());
        for (PropertySource record : records) {
            if (passes(branch, "OR".equals(branch.filterBranchOperator()) ? "OR" : "AND", record, context)) {
                return in;
            }
        }
        return !in;
    }

    private static boolean passes(FilterBranch branch, String type, PropertySource record, EvaluationContext context) {
        return switch (type) {
            case "AND" -> every(branch, record, context);
            case "OR" -> any(branch, record, context);
            case "NOT_ALL" -> !every(branch, record, context);
            case "NOT_ANY" -> !any(branch, record, context);
            default -> throw new UnsupportedFilterException("inside an ASSOCIATION branch, filter branch type "
                    + type + " is not supported");
        };
    }

    private static boolean every(FilterBranch branch, PropertySource record, EvaluationContext context) {
        for (Filter filter : list(branch.filters())) {
            if (!passes(filter, record, context)) {
                return false;
            }
        }
        for (FilterBranch child : list(branch.filterBranches())) {
            if (!passes(child, String.valueOf(child.filterBranchType()), record, context)) {
                return false;
            }
        }
        return true;
    }

    private static boolean any(FilterBranch branch, PropertySource record, EvaluationContext context) {
        for (Filter filter : list(branch.filters())) {
            if (passes(filter, record, context)) {
                return true;
            }
        }
        for (FilterBranch child : list(branch.filterBranches())) {
            if (passes(child, String.valueOf(child.filterBranchType()), record, context)) {
                return true;
            }
        }
        return false;
    }

    private static boolean passes(Filter filter, PropertySource record, EvaluationContext context) {
        return switch (filter) {
            case PropertyFilter property ->
                    PropertyOperations.matches(record, property.property(), property.operation(), context);
            case ConstantFilter constant -> FilterEvaluator.accepts(constant);
            default -> throw new UnsupportedFilterException("inside an ASSOCIATION branch, only PROPERTY and "
                    + "CONSTANT filters are supported");
        };
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
