package dev.flowline.engine.criteria;

import dev.flowline.engine.json.Union;

import java.util.Map;

/** A point in time used by {@code TIME_POINT} and {@code TIME_RANGED} operations, told apart by {@code timeType}. */
public sealed interface TimePoint permits IndexedTimePoint, DateTimePoint, PropertyReferencedTimePoint, UnknownTimePoint {

    Union<TimePoint> UNION = Union.of(TimePoint.class, "timeType", Map.of(
            "INDEXED", IndexedTimePoint.class,
            "DATE", DateTimePoint.class,
            "PROPERTY_REFERENCED", PropertyReferencedTimePoint.class), UnknownTimePoint::new);
}
