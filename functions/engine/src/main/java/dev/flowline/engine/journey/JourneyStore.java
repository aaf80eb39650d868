package dev.flowline.engine.journey;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where journeys live, each with its draft and published versions. */
public interface JourneyStore {

    Optional<Journey> find(String journeyId);

    /** Every journey of the account, published or not. */
    Collection<Journey> all();

    void save(Journey journey);

    void delete(String journeyId);

    /** Journeys with a published version: those that enrol and move contacts. */
    default Collection<Journey> published() {
        Collection<Journey> all = all();
        // every contact change asks, and most accounts have no journey
        return all.isEmpty() ? List.of() : all.stream().filter(Journey::isPublished).toList();
    }
}
