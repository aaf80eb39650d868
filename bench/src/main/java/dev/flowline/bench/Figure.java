package dev.flowline.bench;

import java.util.Locale;

/**
 * One measured figure and its target: {@code value} must be at least (or, if {@code atMost}, at most) {@code target};
 * a figure only reported has no target (NaN). {@code bound}, when not null, says what keeps the figure from its target
 * (as measured, and explained in docs/scale.md); a failing line prints it.
 */
record Figure(String name, double value, String unit, boolean atMost, double target, String bound) {

    static Figure atLeast(String name, double value, String unit, double target) {
        return new Figure(name, value, unit, false, target, null);
    }

    static Figure atMost(String name, double value, String unit, double target) {
        return new Figure(name, value, unit, true, target, null);
    }

    static Figure report(String name, double value, String unit) {
        return new Figure(name, value, unit, false, Double.NaN, null);
    }

    /** This figure, saying what bounds it should it miss its target. */
    Figure boundedBy(String reason) {
        return new Figure(name, value, unit, atMost, target, reason);
    }

    boolean reported() {
        return Double.isNaN(target);
    }

    boolean passes() {
        return reported() || (atMost ? value <= target : value >= target);
    }

    /** What bounds the figure, when it misses its target and that is known; null otherwise. */
    String failureBound() {
        return passes() ? null : bound;
    }

    /** The target as results.json writes it. */
    String targetText() {
        return reported() ? "report" : (atMost ? "<= " : ">= ") + target;
    }

    String line() {
        if (reported()) {
            return String.format(Locale.ROOT, "%-34s %,15.2f %-16s report", name, value, unit);
        }
        String line = String.format(Locale.ROOT, "%-34s %,15.2f %-16s target %s %,.2f   %s", name, value, unit,
                atMost ? "<=" : ">=", target, passes() ? "PASS" : "FAIL");
        return failureBound() == null ? line : line + " (bounded by " + failureBound() + "; docs/scale.md)";
    }
}
