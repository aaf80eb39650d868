package dev.flowline.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Generators of hostile JSON: random trees, odd scalars, and well-formed documents with one part replaced. */
public final class HostileJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Texts that trip parsers of numbers, dates, enums and encodings. */
    private static final List<String> ODD_TEXTS = List.of("", " ", "NaN", "Infinity", "-0", "1e999", "0x10",
            "9223372036854775808", "2026-13-45", "2026-02-30T25:61:00Z", "true", "null", "{}", "[]", "\u0000",
            "\uD800", "\uDFFF", "🙂", "e\u0301", "\u202Eevil", "a/b~c", "../../etc", "<script>", "%00", "IS_EQUAL_TO",
            "CONTACT_FLOW", "0-1", "UNIFIED_EVENTS", "PROPERTY", "x".repeat(2_000), "y".repeat(5_000) + "@example.com");

    private HostileJson() {
    }

    public static Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of(ODD_TEXTS), Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().alpha().ofMaxLength(8));
    }

    public static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.just(NullNode.getInstance()),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE),
                Arbitraries.longs().map(LongNode::valueOf),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-0.0"), new BigDecimal("0.1"),
                        new BigDecimal("123456789012345678901234567890")).map(DecimalNode::valueOf),
                texts().map(TextNode::valueOf));
    }

    /** Any JSON value nested at most {@code depth} levels, with field names drawn from {@code names} or random. */
    public static Arbitrary<JsonNode> values(int depth, List<String> names) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<JsonNode> inner = values(depth - 1, names);
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(names), texts());
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(3).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys, inner).ofMaxSize(4).map(fields -> {
            ObjectNode object = NODES.objectNode();
            fields.forEach(object::set);
            return object;
        });
        return Arbitraries.frequencyOf(Tuple.of(2, scalars()), Tuple.of(1, arrays), Tuple.of(2, objects));
    }

    /** {@code document} with one value anywhere in it (the root's fields included) replaced by a random value. */
    public static Arbitrary<JsonNode> mutated(JsonNode document, List<String> names) {
        int spots = spots(document).size();
        return Combinators.combine(Arbitraries.integers().between(0, spots - 1), values(2, names)).as((spot, value) -> {
            JsonNode copy = document.deepCopy();
            spots(copy).get(spot).replace().accept(value);
            return copy;
        });
    }

    /** One copy of {@code document} per value in it, that value replaced by {@code replacement} of it. */
    public static List<JsonNode> eachValueReplaced(JsonNode document, UnaryOperator<JsonNode> replacement) {
        var copies = new ArrayList<JsonNode>();
        int spots = spots(document).size();
        for (int spot = 0; spot < spots; spot++) {
            JsonNode copy = document.deepCopy();
            Spot at = spots(copy).get(spot);
            at.replace().accept(replacement.apply(at.value()));
            copies.add(copy);
        }
        return copies;
    }

    /** {@code text} with a few characters deleted, replaced or inserted: mostly no longer valid JSON. */
    public static Arbitrary<String> garbled(String text) {
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, text.length() - 1);
        Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '\\', '0', 'x'),
                Arbitraries.chars().all());
        return Combinators.combine(positions, chars, Arbitraries.integers().between(0, 2)).as(Edit::new)
                .list().ofMinSize(1).ofMaxSize(4)
                .map(edits -> {
                    var sb = new StringBuilder(text);
                    edits.forEach(edit -> edit.apply(sb));
                    return sb.toString();
                });
    }

    private record Edit(int position, char c, int kind) {
        void apply(StringBuilder sb) {
            int at = Math.min(position, sb.length() - 1);
            switch (kind) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.setCharAt(at, c);
                default -> sb.insert(at, c);
            }
        }
    }

    /** A value in a document, and how to replace it there. */
    private record Spot(JsonNode value, Consumer<JsonNode> replace) {
    }

    /** Every value in {@code node}, depth first. */
    private static List<Spot> spots(JsonNode node) {
        var spots = new ArrayList<Spot>();
        collect(node, spots);
        return spots;
    }

    private static void collect(JsonNode node, List<Spot> spots) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                spots.add(new Spot(field.getValue(), value -> object.set(field.getKey(), value)));
                collect(field.getValue(), spots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                spots.add(new Spot(array.get(i), value -> array.set(index, value)));
                collect(array.get(i), spots);
            }
        }
    }
}
