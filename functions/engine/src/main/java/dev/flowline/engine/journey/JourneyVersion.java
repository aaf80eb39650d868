package dev.flowline.engine.journey;

/** One published version of a journey, numbered from 1, with when it was published (ISO-8601). */
public record JourneyVersion(Integer version, String publishedAt, JourneyDefinition definition) {
}
