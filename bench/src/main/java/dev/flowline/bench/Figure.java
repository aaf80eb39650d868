package dev.flowline.bench;

import java.util.Locale;

/** One measured figure and its target: {@code value} must be at least (or, if {@code atMost}, at most) {@code target}. */
record Figure(String name, double value, String unit, boolean atMost, double target) {

    static Figure atLeast(String name, double value, String unit, double target) {
        return new Figure(name, value, unit, false, target);
    }

    static Figure atMost(String name, double value, String unit, double target) {
        return new Figure(name, value, unit, true, target);
    }

    boolean passes() {
        return atMost ? value <= target : value >= target;
    }

    String line() {
        return String.format(Locale.ROOT, "%-34s %,15.2f %-16s target %s %,.2f   %s", name, value, unit,
                atMost ? "<=" : ">=", target, passes() ? "PASS" : "FAIL");
    }
}
