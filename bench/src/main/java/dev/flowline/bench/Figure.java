package dev.flowline.bench;

import java.util.Locale;

/**
 * One measured figure and its target: {@code value} must be at least (or, if {@code atMost}, at most) {@code target};
 * a figure only reported has no target (NaN).
 */
record Figure(String name, double value, String unit, boolean atMost, double target) {

    static Figure atLeast(String name, double value, String unit, double target) {
        return new Figure(name, value, unit, false, target);
    }

    static Figure atMost(String name, double value, String unit, double target) {
        return new Figure(name, value, unit, true, target);
    }

    static Figure report(String name, double value, String unit) {
        return new Figure(name, value, unit, false, Double.NaN);
    }

    boolean reported() {
        return Double.isNaN(target);
    }

    boolean passes() {
        return reported() || (atMost ? value <= target : value >= target);
    }

    /** The target as results.json writes it. */
    String targetText() {
        return reported() ? "report" : (atMost ? "<= " : ">= ") + target;
    }

    String line() {
        if (reported()) {
            return String.format(Locale.ROOT, "%-34s %,15.2f %-16s report", name, value, unit);
        }
        return String.format(Locale.ROOT, "%-34s %,15.2f %-16s target %s %,.2f   %s", name, value, unit,
                atMost ? "<=" : ">=", target, passes() ? "PASS" : "FAIL");
    }
}
