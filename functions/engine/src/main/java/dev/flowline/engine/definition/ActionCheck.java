package dev.flowline.engine.definition;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.flowline.engine.definition.Pointer.ROOT;
import static dev.flowline.engine.definition.Problems.quote;

/** Each action on its own: the fields its {@code type} requires, branch counts and split percentages. */
final class ActionCheck {

    private static final List<String> METHODS = List.of(
            "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");
    private static final int MIN_TEST_BRANCHES = 2;
    private static final int FULL_PERCENTAGE = 100;
    /** HubSpot's soft ceiling on the actions of one flow. */
    static final int MAX_ACTIONS = 500;

    private final Problems problems;
    private final FilterCheck filters;
    private final ActionFieldsCheck fields;
    private final FieldValuesCheck values;
    private final Set<String> plainHttpHosts;

    ActionCheck(Problems problems, FilterCheck filters, boolean dateCentred, Set<String> plainHttpHosts) {
        this.problems = problems;
        this.plainHttpHosts = plainHttpHosts.stream().map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        this.filters = filters;
        this.fields = new ActionFieldsCheck(problems, filters, dateCentred);
        this.values = new FieldValuesCheck(problems);
    }

    void check(List<Action> actions) {
        if (actions != null && actions.size() > MAX_ACTIONS) {
            problems.add(ROOT.field("actions"), "a flow can have at most " + MAX_ACTIONS + " actions; this one has "
                    + actions.size());
        }
        problems.each(actions, ROOT.field("actions"), this::action);
    }

    private void action(Action action, Pointer at) {
        switch (action) {
            case SingleConnectionAction a -> fields.check(a, at);
            case ListBranchAction a -> {
                if (problems.require(at, "listBranches", a.listBranches())) {
                    atMost(a.listBranches(), ListBranchAction.MAX_BRANCHES, at.field("listBranches"), "an if/then");
                    problems.each(a.listBranches(), at.field("listBranches"), this::listBranch);
                }
            }
            case StaticBranchAction a -> {
                if (a.isPassThrough()) {
                    return; // only a default branch: HubSpot's pass-through, which needs no input value
                }
                if (problems.require(at, "inputValue", a.inputValue())) {
                    values.unionValue(a.inputValue(), at.field("inputValue"));
                }
                if (problems.require(at, "staticBranches", a.staticBranches())) {
                    atMost(a.staticBranches(), StaticBranchAction.MAX_BRANCHES, at.field("staticBranches"),
                            "a value-equals");
                    problems.each(a.staticBranches(), at.field("staticBranches"),
                            (branch, branchAt) -> problems.require(branchAt, "branchValue", branch.branchValue()));
                }
            }
            case AbTestBranchAction a -> {
                if (problems.require(at, "testBranches", a.testBranches())) {
                    testBranches(a.testBranches(), at.field("testBranches"));
                }
            }
            case CustomCodeAction a -> {
                problems.require(at, "runtime", a.runtime());
                problems.require(at, "sourceCode", a.sourceCode());
            }
            case WebhookAction a -> {
                problems.oneOf(at, "method", a.method(), METHODS);
                if (problems.require(at, "webhookUrl", a.webhookUrl()) && !callable(a.webhookUrl())) {
                    problems.add(at.field("webhookUrl"), "webhookUrl " + quote(a.webhookUrl()) + " must use https"
                            + (plainHttpHosts.isEmpty() ? "" : " (or http to " + String.join(", ",
                            plainHttpHosts.stream().sorted().toList()) + ")"));
                }
                problems.each(a.queryParams(), at.field("queryParams"),
                        (param, paramAt) -> values.unionValue(param.value(), paramAt.field("value")));
            }
            case UnknownAction a -> {
                if (problems.require(at, "type", a.type())) {
                    problems.add(at.field("type"), "action type " + quote(a.type()) + " is not known to Flowline");
                }
            }
        }
    }

    /** An https URL, or an http one to a host allowed plain http. */
    private boolean callable(String url) {
        if (url.regionMatches(true, 0, "https://", 0, "https://".length())) {
            return true;
        }
        try {
            URI uri = URI.create(url);
            return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && plainHttpHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private void listBranch(ListBranch branch, Pointer at) {
        if (problems.require(at, "filterBranch", branch.filterBranch())) {
            filters.branch(branch.filterBranch(), at.field("filterBranch"));
        }
    }

    private void atMost(List<?> branches, int max, Pointer at, String kind) {
        if (branches.size() > max) {
            problems.add(at, kind + " branch can have at most " + max + " branches; this one has " + branches.size());
        }
    }

    /**
     * Arms with percentages must all have one, adding up to 100; arms without any (the SDK models' list of
     * connections) split evenly.
     */
    private void testBranches(List<TestBranch> branches, Pointer at) {
        if (branches.size() < MIN_TEST_BRANCHES) {
            problems.add(at, "a random split needs at least " + MIN_TEST_BRANCHES + " branches; this one has "
                    + branches.size());
        }
        boolean weighted = branches.stream().anyMatch(b -> b != null && b.percentage() != null);
        problems.each(branches, at, (branch, branchAt) -> {
            if (branch.route() == null) {
                problems.add(branchAt.field("connection"), "connection is required");
            }
            if (weighted && problems.require(branchAt, "percentage", branch.percentage())
                    && (branch.percentage() < 0 || branch.percentage() > FULL_PERCENTAGE)) {
                problems.add(branchAt.field("percentage"),
                        "percentage " + branch.percentage() + " must be between 0 and " + FULL_PERCENTAGE);
            }
        });
        if (weighted && branches.stream().allMatch(b -> b != null && b.percentage() != null)) {
            int sum = branches.stream().mapToInt(TestBranch::percentage).sum();
            if (sum != FULL_PERCENTAGE) {
                problems.add(at, "the percentages add up to " + sum + ", not " + FULL_PERCENTAGE);
            }
        }
    }
}
