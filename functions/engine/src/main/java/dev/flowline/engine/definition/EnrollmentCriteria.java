package dev.flowline.engine.definition;

import dev.flowline.engine.json.Union;

import java.util.Map;

/** How contacts enter a flow. */
public sealed interface EnrollmentCriteria
        permits ListBasedCriteria, EventBasedCriteria, ManualCriteria, DatasetCriteria, UnknownCriteria {

    Union<EnrollmentCriteria> UNION = Union.of(EnrollmentCriteria.class, "type", Map.of(
            "LIST_BASED", ListBasedCriteria.class,
            "EVENT_BASED", EventBasedCriteria.class,
            "MANUAL", ManualCriteria.class,
            "DATASET", DatasetCriteria.class), UnknownCriteria::new);

    String type();

    Boolean shouldReEnroll();

    default boolean reEnrolls() {
        return Boolean.TRUE.equals(shouldReEnroll());
    }
}
