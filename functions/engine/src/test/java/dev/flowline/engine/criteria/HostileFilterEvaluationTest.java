package dev.flowline.engine.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.FlowValidator;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.json.HostileJson;
import dev.flowline.engine.json.InvalidJsonException;
import dev.flowline.engine.json.Seeded;
import dev.flowline.engine.json.Seeded.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static dev.flowline.engine.criteria.FilterFixtures.CONTEXT;
import static dev.flowline.engine.criteria.FilterFixtures.EVALUATOR;
import static dev.flowline.engine.criteria.FilterFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Valid but odd filters (every operator of every property operation type, with extreme or malformed values)
 * against contacts with odd property values: a branch the validator accepts is always evaluated to true or
 * false, quickly, never with an exception.
 */
class HostileFilterEvaluationTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PROPERTIES = List.of("p1", "p2", "email");
    private static final List<String> BRANCH_TYPES = List.of("OR", "AND", "NOT_ALL", "NOT_ANY");
    private static final List<String> VALUES = List.of("", "0", "-0", "1e999", "-1e-999", "NaN", "12.50",
            "9223372036854775808", "true", "TRUE", "lead;customer", ";", "2026-03-02", "2026-02-30",
            "1772442000000", "-62135596800001", "🙂", "\u0000", "\uD800", "a".repeat(1000));
    /** Every operation type but the time points, whose value is an object of its own union. */
    private static final List<String> OPERATION_TYPES = OperationTypes.known().stream().sorted()
            .filter(type -> !type.startsWith("TIME_")).toList();
    /** The fields of an operation that one type or another reads a value from. */
    private static final List<String> VALUE_FIELDS = List.of("value", "values", "timestamp", "lowerBound",
            "upperBound", "numberOfDays", "comparisonPropertyName", "timeUnit", "year", "month", "day",
            "includeObjectsWithNoValueSet", "requiresTimeZoneConversion");

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void aBranchTheValidatorAcceptsIsAlwaysEvaluated(Case<Input> input) {
        input.check(HostileFilterEvaluationTest::evaluateIfAccepted);
    }

    private static void evaluateIfAccepted(Input input) {
        FilterBranch branch;
        try {
            branch = FlowlineJson.read(input.branch(), FilterBranch.class);
        } catch (InvalidJsonException e) {
            return;
        }
        if (!FlowValidator.validateFilterBranch(branch, "").isEmpty()) {
            return;
        }
        Contact contact = input.contact();
        Boolean matches = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> EVALUATOR.matches(branch, contact, CONTEXT));
        assertThat(matches).isNotNull();
    }

    /** A filter branch, and the values each property of a contact had, oldest first. */
    record Input(JsonNode branch, Map<String, List<String>> history) {

        Contact contact() {
            var contact = new Contact("1");
            history.forEach((property, changes) -> {
                for (int i = 0; i < changes.size(); i++) {
                    contact.setProperty(property, changes.get(i), NOW.minus(Duration.ofDays(changes.size() - i)));
                }
            });
            return contact;
        }
    }

    static Stream<Case<Input>> inputs() {
        return Seeded.cases(400, edges(), random -> new Input(branch(random, 3), history(random)));
    }

    /**
     * An empty branch of each type for a contact without properties, then every operator of every type with odd
     * values, for a contact without properties and one whose properties all hold an odd value, in turn.
     */
    private static List<Input> edges() {
        var edges = new ArrayList<Input>();
        BRANCH_TYPES.forEach(type -> edges.add(new Input(branch(type, List.of(), List.of()), Map.of())));
        List<JsonNode> odd = HostileJson.edgeScalars();
        for (String type : OPERATION_TYPES) {
            for (String operator : operators(type)) {
                int i = edges.size();
                String value = VALUES.get(i % VALUES.size());
                ObjectNode operation = NODES.objectNode().put("operationType", type).put("operator", operator)
                        .set("value", odd.get(i % odd.size()));
                operation.putArray("values").add(value);
                JsonNode filter = NODES.objectNode().put("filterType", "PROPERTY")
                        .put("property", PROPERTIES.get(i % PROPERTIES.size())).set("operation", operation);
                var history = new LinkedHashMap<String, List<String>>();
                if (i % 2 == 1) {
                    PROPERTIES.forEach(property -> history.put(property, List.of(value)));
                }
                edges.add(new Input(branch(BRANCH_TYPES.get(i % BRANCH_TYPES.size()), List.of(), List.of(filter)),
                        history));
            }
        }
        return edges;
    }

    /** Some of the properties, each with one to three values in its history. */
    private static Map<String, List<String>> history(Random random) {
        var history = new LinkedHashMap<String, List<String>>();
        for (int n = random.nextInt(PROPERTIES.size() + 1); n > 0; n--) {
            history.put(Seeded.pick(random, PROPERTIES), strings(random, random.nextInt(1, 4)));
        }
        return history;
    }

    private static JsonNode branch(Random random, int depth) {
        var children = new ArrayList<JsonNode>();
        for (int n = depth == 0 ? 0 : small(random, 2); n > 0; n--) {
            children.add(branch(random, depth - 1));
        }
        var filters = new ArrayList<JsonNode>();
        for (int n = small(random, 3); n > 0; n--) {
            filters.add(filter(random));
        }
        return branch(Seeded.pick(random, BRANCH_TYPES), children, filters);
    }

    private static JsonNode branch(String type, List<JsonNode> children, List<JsonNode> filters) {
        ObjectNode branch = NODES.objectNode().put("filterBranchType", type).put("filterBranchOperator", type);
        branch.putArray("filterBranches").addAll(children);
        branch.putArray("filters").addAll(filters);
        return branch;
    }

    /** A property filter with an operator of its type and every value field any type reads, each odd. */
    private static JsonNode filter(Random random) {
        String type = Seeded.pick(random, OPERATION_TYPES);
        ObjectNode operation = NODES.objectNode().put("operationType", type)
                .put("operator", Seeded.pick(random, operators(type)));
        for (int n = random.nextInt(7); n > 0; n--) {
            JsonNode odd = random.nextBoolean() ? HostileJson.scalar(random)
                    : NODES.textNode(Seeded.pick(random, VALUES));
            operation.set(Seeded.pick(random, VALUE_FIELDS), odd);
        }
        List<String> values = strings(random, random.nextInt(4));
        if (operation.path("values").isValueNode()) {
            values.forEach(operation.putArray("values")::add);
        }
        return NODES.objectNode().put("filterType", "PROPERTY").put("property", Seeded.pick(random, PROPERTIES))
                .set("operation", operation);
    }

    /**
     * Up to {@code max}, small counts likelier: each filter more is one more chance for the validator to refuse
     * the whole branch, which would then never be evaluated.
     */
    private static int small(Random random, int max) {
        return random.nextInt(random.nextInt(max + 1) + 1);
    }

    /** {@code count} odd values of properties. */
    private static List<String> strings(Random random, int count) {
        var strings = new ArrayList<String>();
        for (int n = count; n > 0; n--) {
            strings.add(random.nextBoolean() ? Seeded.pick(random, VALUES) : HostileJson.text(random));
        }
        return strings;
    }

    /** In a fixed order, so that a seed gives the same operators on every JVM. */
    private static List<String> operators(String type) {
        return OperationTypes.operators(type).orElseThrow().stream().sorted().toList();
    }
}
