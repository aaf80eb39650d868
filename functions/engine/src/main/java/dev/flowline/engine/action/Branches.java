package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.criteria.FilterEvaluator;
import dev.flowline.engine.definition.AbTestBranchAction;
import dev.flowline.engine.definition.Connection;
import dev.flowline.engine.definition.ListBranch;
import dev.flowline.engine.definition.ListBranchAction;
import dev.flowline.engine.definition.StaticBranch;
import dev.flowline.engine.definition.StaticBranchAction;
import dev.flowline.engine.definition.TestBranch;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/** The three branch actions: if/then, value equals, random split. */
final class Branches {

    private static final FilterEvaluator FILTERS = new FilterEvaluator();

    private Branches() {
    }

    static String next(Connection connection) {
        return connection == null ? null : connection.nextActionId();
    }

    /** If/then: branches in order, the first match wins; none matching takes the default branch. */
    static StepResult ifThen(ListBranchAction action, ActionContext context) {
        var branches = action.listBranches() == null ? java.util.List.<ListBranch>of() : action.listBranches();
        for (ListBranch branch : branches) {
            if (branch.filterBranch() != null
                    && FILTERS.matches(branch.filterBranch(), context.contact(), context.evaluation())) {
                return StepResult.next(next(branch.connection()),
                        StepResult.Outcome.succeeded("took branch \"" + nameOf(branch.branchName()) + "\""));
            }
        }
        return StepResult.next(next(action.defaultBranch()), StepResult.Outcome.succeeded(
                "took the default branch \"" + nameOf(action.defaultBranchName()) + "\""));
    }

    /** Value equals: the branch whose value equals the input value (a property or an earlier action's output). */
    static StepResult valueEquals(StaticBranchAction action, ActionContext context) {
        String value = inputValue(action.inputValue(), context);
        if (value != null && action.staticBranches() != null) {
            for (StaticBranch branch : action.staticBranches()) {
                if (value.equalsIgnoreCase(branch.branchValue())) {
                    return StepResult.next(next(branch.connection()),
                            StepResult.Outcome.succeeded("took branch \"" + branch.branchValue() + "\""));
                }
            }
        }
        return StepResult.next(next(action.defaultBranch()), StepResult.Outcome.succeeded(
                "took the default branch \"" + nameOf(action.defaultBranchName()) + "\""));
    }

    /**
     * Random split: the arm is chosen from a hash of the enrolment and the action, so a retried step takes
     * the same arm, while different contacts spread by the percentages, or evenly when the arms have none.
     */
    static StepResult randomSplit(AbTestBranchAction action, ActionContext context) {
        var arms = action.testBranches();
        if (arms == null || arms.isEmpty()) {
            return StepResult.next(null, StepResult.Outcome.failed("the random split has no arms"));
        }
        boolean weighted = arms.stream().anyMatch(arm -> arm.percentage() != null);
        int total = weighted ? 100 : arms.size();
        int bucket = bucket(context.enrolment().enrolmentId() + "/" + action.actionId(), total);
        int arm = 0;
        int upTo = weight(arms.get(0), weighted);
        while (arm < arms.size() - 1 && bucket >= upTo) {
            arm++;
            upTo += weight(arms.get(arm), weighted);
        }
        return StepResult.next(next(arms.get(arm).route()),
                StepResult.Outcome.succeeded("took random split arm " + (arm + 1) + " of " + arms.size()));
    }

    private static int weight(TestBranch arm, boolean weighted) {
        return !weighted ? 1 : arm.percentage() == null ? 0 : arm.percentage();
    }

    /** A stable number in [0, size) for a key. */
    static int bucket(String key, int size) {
        var crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % size);
    }

    private static String inputValue(JsonNode input, ActionContext context) {
        if (input == null) {
            return null;
        }
        return switch (input.path("type").asText()) {
            case "OBJECT_PROPERTY" -> context.contact().value(input.path("propertyName").asText()).orElse(null);
            case "FIELD_DATA" -> context.enrolment().outputs()
                    .getOrDefault(input.path("actionId").asText(), Map.of())
                    .get(input.path("dataKey").asText());
            case "STATIC_VALUE" -> input.path("staticValue").asText(null);
            default -> null;
        };
    }

    private static String nameOf(String name) {
        return name == null ? "" : name;
    }
}
