package dev.flowline.engine.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.FlowValidator;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.json.HostileJson;
import dev.flowline.engine.json.InvalidJsonException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    @Property(tries = 400)
    void aBranchTheValidatorAcceptsIsAlwaysEvaluated(@ForAll("branches") JsonNode json,
                                                      @ForAll("contacts") Contact contact) {
        FilterBranch branch;
        try {
            branch = FlowlineJson.read(json, FilterBranch.class);
        } catch (InvalidJsonException e) {
            Statistics.collect("unreadable");
            return;
        }
        if (!FlowValidator.validateFilterBranch(branch, "").isEmpty()) {
            Statistics.collect("refused by the validator");
            return;
        }
        Statistics.collect("evaluated");
        Boolean matches = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> EVALUATOR.matches(branch, contact, CONTEXT));
        assertThat(matches).isNotNull();
    }

    @Provide
    Arbitrary<JsonNode> branches() {
        return branch(3);
    }

    @Provide
    Arbitrary<Contact> contacts() {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of(VALUES), HostileJson.texts());
        return Arbitraries.maps(Arbitraries.of(PROPERTIES), values.list().ofMinSize(1).ofMaxSize(3)).map(history -> {
            var contact = new Contact("1");
            history.forEach((property, changes) -> {
                for (int i = 0; i < changes.size(); i++) {
                    contact.setProperty(property, changes.get(i), NOW.minus(Duration.ofDays(changes.size() - i)));
                }
            });
            return contact;
        });
    }

    private Arbitrary<JsonNode> branch(int depth) {
        Arbitrary<List<JsonNode>> children = depth == 0 ? Arbitraries.just(List.of())
                : branch(depth - 1).list().ofMaxSize(2);
        return Combinators.combine(Arbitraries.of(BRANCH_TYPES), children, filter().list().ofMaxSize(3))
                .as((type, branches, filters) -> {
                    ObjectNode branch = NODES.objectNode().put("filterBranchType", type)
                            .put("filterBranchOperator", type);
                    branch.putArray("filterBranches").addAll(branches);
                    branch.putArray("filters").addAll(filters);
                    return branch;
                });
    }

    /** A property filter with an operator of its type and every value field any type reads, each odd. */
    private Arbitrary<JsonNode> filter() {
        Arbitrary<ObjectNode> typed = Arbitraries.of(OPERATION_TYPES).flatMap(type -> Arbitraries
                .of(List.copyOf(OperationTypes.operators(type).orElseThrow()).stream().sorted().toList())
                .map(operator -> NODES.objectNode().put("operationType", type).put("operator", operator)));
        Arbitrary<JsonNode> odd = Arbitraries.oneOf(HostileJson.scalars(), Arbitraries.of(VALUES).map(NODES::textNode));
        Arbitrary<Map<String, JsonNode>> fields = Arbitraries.maps(Arbitraries.of("value", "values", "timestamp",
                "lowerBound", "upperBound", "numberOfDays", "comparisonPropertyName", "timeUnit", "year", "month",
                "day", "includeObjectsWithNoValueSet", "requiresTimeZoneConversion"), odd).ofMaxSize(6);
        Arbitrary<List<String>> values = Arbitraries.oneOf(Arbitraries.of(VALUES), HostileJson.texts()).list()
                .ofMaxSize(3);
        return Combinators.combine(Arbitraries.of(PROPERTIES), typed, fields, values)
                .as((property, operation, extra, list) -> {
                    extra.forEach(operation::set);
                    if (operation.path("values").isValueNode()) {
                        list.forEach(operation.putArray("values")::add);
                    }
                    return NODES.objectNode().put("filterType", "PROPERTY").put("property", property)
                            .set("operation", operation);
                });
    }
}
