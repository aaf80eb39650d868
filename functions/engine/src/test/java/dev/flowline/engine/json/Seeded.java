package dev.flowline.engine.json;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Cases of a property for plain JUnit tests: fixed edge cases first, then random ones, each with a
 * {@link Random} of its own drawn from one fixed seed. Every run thus tries the same cases, and a failing case
 * reruns alone with {@code -Dtest=TheTest#itsMethod -Dhostile.case=N}; {@code -Dhostile.seed=S} tries other random
 * cases. Cases are numbered from 1, as JUnit and Surefire number the invocations of a test.
 */
public final class Seeded {

    /** The seed of every run, unless {@code -Dhostile.seed} gives another. */
    public static final long SEED = Long.getLong("hostile.seed", 20_260_302L);
    /** The number of the one case to run, or 0 for all of them. */
    private static final int ONLY = Integer.getInteger("hostile.case", 0);

    private Seeded() {
    }

    /** One case of a property, {@code index} counted from 0; its name says how to run it again. */
    public record Case<T>(int index, T value) {

        /** Runs {@code property} on the value; a failure names the case and its input. */
        public void check(Consumer<? super T> property) {
            try {
                property.accept(value);
            } catch (Throwable e) {
                throw new AssertionError(this + " (rerun it alone with -Dhostile.seed=" + SEED + " -Dhostile.case="
                        + (index + 1) + ") failed on " + abbreviated(value), e);
            }
        }

        @Override
        public String toString() {
            return "case " + (index + 1) + " of seed " + SEED;
        }
    }

    /** {@code count} cases, each holding its own random source. */
    public static Stream<Case<Random>> cases(int count) {
        // drawn all at once, so that case i has the same seed whichever cases run
        long[] seeds = new Random(SEED).longs(count).toArray();
        return IntStream.range(0, count).filter(i -> ONLY == 0 || i + 1 == ONLY)
                .mapToObj(i -> new Case<>(i, new Random(seeds[i])));
    }

    /** The {@code fixed} cases, then random ones from {@code random} up to {@code count} cases in all. */
    public static <T> Stream<Case<T>> cases(int count, List<? extends T> fixed, Function<Random, ? extends T> random) {
        return cases(Math.max(count, fixed.size())).map(c -> new Case<T>(c.index(),
                c.index() < fixed.size() ? fixed.get(c.index()) : random.apply(c.value())));
    }

    /** One of {@code items}, each as likely. */
    public static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 500 ? text : text.substring(0, 500) + "... (" + text.length() + " characters)";
    }
}
