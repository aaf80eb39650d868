package dev.flowline.engine.simulation;

import dev.flowline.engine.Page;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Pages of what a store holds in memory, in key order, as the real stores page: a page ends on a key. */
final class Pages {

    private Pages() {
    }

    /** Up to {@code limit} of {@code items} whose key comes after {@code after} (null: from the first). */
    static <T> Page<T> after(Stream<T> items, Function<T, String> key, String after, int limit) {
        List<T> rest = items.filter(item -> after == null || key.apply(item).compareTo(after) > 0)
                .sorted(Comparator.comparing(key))
                .limit(limit + 1L)
                .toList();
        if (rest.size() <= limit) {
            return new Page<>(rest, Optional.empty());
        }
        List<T> page = rest.subList(0, limit);
        return new Page<>(page, Optional.of(key.apply(page.getLast())));
    }
}
