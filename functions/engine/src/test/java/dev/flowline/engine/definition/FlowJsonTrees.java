package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares two JSON trees strictly: member order is ignored, but numbers must keep their exact digits
 * ({@code 1.50} differs from {@code 1.5}), which {@link JsonNode#equals} does not check.
 */
public final class FlowJsonTrees {

    private FlowJsonTrees() {
    }

    /** Each difference as "JSON Pointer: expected ... but was ...", empty when the trees are the same. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        var found = new ArrayList<String>();
        compare("", expected, actual, found);
        return found;
    }

    private static void compare(String pointer, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected == null || actual == null || expected.getNodeType() != actual.getNodeType()) {
            if (expected != actual) {
                found.add(pointer + ": expected " + describe(expected) + " but was " + describe(actual));
            }
        } else if (expected.isObject()) {
            var names = new TreeSet<String>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(pointer + "/" + name.replace("~", "~0").replace("/", "~1"),
                        expected.get(name), actual.get(name), found);
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                compare(pointer + "/" + i, expected.get(i), actual.get(i), found);
            }
        } else if (!expected.toString().equals(actual.toString())) {
            found.add(pointer + ": expected " + describe(expected) + " but was " + describe(actual));
        }
    }

    private static String describe(JsonNode node) {
        return node == null ? "(absent)" : node.toString();
    }
}
