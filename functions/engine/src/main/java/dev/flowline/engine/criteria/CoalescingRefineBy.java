package dev.flowline.engine.criteria;

import dev.flowline.engine.json.Union;

import java.util.Map;

/** How many times the record must pass the filter. */
public sealed interface CoalescingRefineBy
        permits NumOccurrencesRefineBy, SetOccurrencesRefineBy, UnknownCoalescingRefineBy {

    Union<CoalescingRefineBy> UNION = Union.of(CoalescingRefineBy.class, "type", Map.of(
            "NUM_OCCURRENCES", NumOccurrencesRefineBy.class,
            "SET_OCCURRENCES", SetOccurrencesRefineBy.class), UnknownCoalescingRefineBy::new);
}
