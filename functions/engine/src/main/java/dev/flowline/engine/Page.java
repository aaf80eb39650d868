package dev.flowline.engine;

import java.util.List;
import java.util.Optional;

/** One page of a listing, and the key to pass as {@code after} for the next page (empty on the last). */
public record Page<T>(List<T> items, Optional<String> next) {

    public Page {
        items = List.copyOf(items);
    }
}
