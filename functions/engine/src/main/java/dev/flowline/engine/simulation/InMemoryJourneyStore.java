package dev.flowline.engine.simulation;

import dev.flowline.engine.journey.Journey;
import dev.flowline.engine.journey.JourneyStore;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Journeys held in memory. */
public final class InMemoryJourneyStore implements JourneyStore {

    private final Map<String, Journey> journeys = new LinkedHashMap<>();

    @Override
    public Optional<Journey> find(String journeyId) {
        return Optional.ofNullable(journeys.get(journeyId));
    }

    @Override
    public Collection<Journey> all() {
        return List.copyOf(journeys.values());
    }

    @Override
    public void save(Journey journey) {
        journeys.put(journey.id(), journey);
    }

    @Override
    public void delete(String journeyId) {
        journeys.remove(journeyId);
    }
}
