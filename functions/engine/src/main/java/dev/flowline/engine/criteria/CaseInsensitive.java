package dev.flowline.engine.criteria;

/** String tests that ignore case, as HubSpot's filters do, without lower-casing copies of the strings. */
final class CaseInsensitive {

    private CaseInsensitive() {
    }

    static boolean equals(String value, String operand) {
        return value.equalsIgnoreCase(operand);
    }

    static boolean contains(String value, String operand) {
        int last = value.length() - operand.length();
        for (int at = 0; at <= last; at++) {
            if (value.regionMatches(true, at, operand, 0, operand.length())) {
                return true;
            }
        }
        return false;
    }

    static boolean startsWith(String value, String operand) {
        return value.regionMatches(true, 0, operand, 0, operand.length());
    }

    static boolean endsWith(String value, String operand) {
        return value.regionMatches(true, value.length() - operand.length(), operand, 0, operand.length());
    }
}
