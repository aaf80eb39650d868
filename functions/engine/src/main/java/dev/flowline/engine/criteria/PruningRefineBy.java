package dev.flowline.engine.criteria;

import dev.flowline.engine.json.Union;

import java.util.Map;

/** Narrows the events a filter looks at to a time window, before the filter is evaluated. */
public sealed interface PruningRefineBy
        permits RelativeComparativeRefineBy, RelativeRangedRefineBy, AbsoluteComparativeRefineBy,
        AbsoluteRangedRefineBy, AllHistoryRefineBy, UnknownPruningRefineBy {

    Union<PruningRefineBy> UNION = Union.of(PruningRefineBy.class, "type", Map.of(
            "RELATIVE_COMPARATIVE", RelativeComparativeRefineBy.class,
            "RELATIVE_RANGED", RelativeRangedRefineBy.class,
            "ABSOLUTE_COMPARATIVE", AbsoluteComparativeRefineBy.class,
            "ABSOLUTE_RANGED", AbsoluteRangedRefineBy.class,
            "ALL_HISTORY", AllHistoryRefineBy.class), UnknownPruningRefineBy::new);
}
