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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static dev.flowline.engine.json.Seeded.pick;

/**
 * Generators of hostile JSON: random trees, odd scalars, and well-formed documents with one part replaced. Each
 * draws from the {@link Random} it is given (a {@link Seeded} case's), and has fixed edge cases beside it.
 */
public final class HostileJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Texts that trip parsers of numbers, dates, enums and encodings. */
    private static final List<String> ODD_TEXTS = List.of("", " ", "NaN", "Infinity", "-0", "1e999", "0x10",
            "9223372036854775808", "2026-13-45", "2026-02-30T25:61:00Z", "true", "null", "{}", "[]", "\u0000",
            "\uD800", "\uDFFF", "🙂", "e\u0301", "\u202Eevil", "a/b~c", "../../etc", "<script>", "%00", "IS_EQUAL_TO",
            "CONTACT_FLOW", "0-1", "UNIFIED_EVENTS", "PROPERTY", "x".repeat(2_000), "y".repeat(5_000) + "@example.com");
    private static final List<BigDecimal> DECIMALS = List.of(new BigDecimal("1e400"), new BigDecimal("-0.0"),
            new BigDecimal("0.1"), new BigDecimal("123456789012345678901234567890"));
    /** Characters that JSON reads as syntax, besides any character at all. */
    private static final List<Character> SYNTAX = List.of('{', '}', '[', ']', '"', ',', ':', '\\', '0', 'x');
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private HostileJson() {
    }

    /** An odd text, up to 12 characters of any kind (lone surrogates too), or up to 8 letters. */
    public static String text(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> pick(random, ODD_TEXTS);
            case 1 -> string(random, 12, () -> anyChar(random));
            default -> string(random, 8, () -> LETTERS.charAt(random.nextInt(LETTERS.length())));
        };
    }

    public static JsonNode scalar(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> NullNode.getInstance();
            case 1 -> BooleanNode.valueOf(random.nextBoolean());
            // small numbers as often as any: they are the ones read as counts, indexes and ids
            case 2 -> LongNode.valueOf(random.nextBoolean() ? random.nextLong() : random.nextInt(-1_000, 1_001));
            case 3 -> DecimalNode.valueOf(pick(random, DECIMALS));
            default -> TextNode.valueOf(text(random));
        };
    }

    /** Any JSON value nested at most {@code depth} levels, with field names drawn from {@code names} or random. */
    public static JsonNode value(Random random, int depth, List<String> names) {
        // scalars, arrays and objects two to one to two: objects are what the readers descend into
        int kind = depth == 0 ? 0 : random.nextInt(5);
        if (kind < 2) {
            return scalar(random);
        }
        if (kind == 2) {
            ArrayNode array = NODES.arrayNode();
            for (int n = random.nextInt(4); n > 0; n--) {
                array.add(value(random, depth - 1, names));
            }
            return array;
        }
        ObjectNode object = NODES.objectNode();
        for (int n = random.nextInt(5); n > 0; n--) {
            String name = random.nextBoolean() ? pick(random, names) : text(random);
            object.set(name, value(random, depth - 1, names));
        }
        return object;
    }

    /** {@code document} with one value anywhere in it (the root's fields included) replaced by a random value. */
    public static JsonNode mutated(Random random, JsonNode document, List<String> names) {
        JsonNode copy = document.deepCopy();
        List<Spot> spots = spots(copy);
        spots.get(random.nextInt(spots.size())).replace().accept(value(random, 2, names));
        return copy;
    }

    /** {@code text} with one to four characters deleted, replaced or inserted: mostly no longer valid JSON. */
    public static String garbled(Random random, String text) {
        var sb = new StringBuilder(text);
        for (int n = random.nextInt(1, 5); n > 0; n--) {
            int at = Math.min(random.nextInt(text.length()), sb.length() - 1);
            char c = random.nextBoolean() ? pick(random, SYNTAX) : anyChar(random);
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.setCharAt(at, c);
                default -> sb.insert(at, c);
            }
        }
        return sb.toString();
    }

    /** Null, both booleans, the extreme and the smallest numbers, the odd decimals, and every odd text. */
    public static List<JsonNode> edgeScalars() {
        var edges = new ArrayList<JsonNode>(List.of(NullNode.getInstance(), BooleanNode.TRUE, BooleanNode.FALSE));
        for (long n : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
            edges.add(LongNode.valueOf(n));
        }
        DECIMALS.forEach(d -> edges.add(DecimalNode.valueOf(d)));
        ODD_TEXTS.forEach(text -> edges.add(TextNode.valueOf(text)));
        return edges;
    }

    /**
     * The edge scalars, empty containers, arrays and objects nested {@code depth} deep, and objects holding every
     * one of {@code names}, all with the same wrong value: each reader meets its fields missing or mistyped.
     */
    public static List<JsonNode> edgeValues(int depth, List<String> names) {
        var edges = new ArrayList<>(edgeScalars());
        edges.add(NODES.arrayNode());
        edges.add(NODES.objectNode());
        JsonNode array = NullNode.getInstance();
        JsonNode object = NullNode.getInstance();
        for (int level = 0; level < depth; level++) {
            array = NODES.arrayNode().add(array);
            object = NODES.objectNode().set(names.getFirst(), object);
        }
        edges.add(array);
        edges.add(object);
        for (JsonNode wrong : List.of(NullNode.getInstance(), TextNode.valueOf(""), LongNode.valueOf(-1),
                BooleanNode.TRUE, NODES.objectNode(), NODES.arrayNode())) {
            ObjectNode all = NODES.objectNode();
            names.forEach(name -> all.set(name, wrong.deepCopy()));
            edges.add(all);
        }
        return edges;
    }

    /** {@code text} cut short, without its first or last character, or with a character of JSON's syntax inside. */
    public static List<String> edgeGarbles(String text) {
        int middle = text.length() / 2;
        var edges = new ArrayList<>(List.of(text.substring(0, middle), text.substring(1),
                text.substring(0, text.length() - 1)));
        for (char c : List.of('{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', '\uD800')) {
            edges.add(text.substring(0, middle) + c + text.substring(middle));
        }
        return edges;
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

    private static char anyChar(Random random) {
        return (char) random.nextInt(Character.MAX_VALUE + 1);
    }

    private static String string(Random random, int maxLength, Supplier<Character> chars) {
        var sb = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            sb.append(chars.get());
        }
        return sb.toString();
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
