package dev.flowline.engine.criteria;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The operators each {@code operationType} accepts (HubSpot's filter language, reference section 5.3). */
public final class OperationTypes {

    private static final Set<String> COMPARATIVE = Set.of("IS_BEFORE", "IS_AFTER");

    private static final Map<String, Set<String>> OPERATORS = Map.ofEntries(
            Map.entry("ALL_PROPERTY", Set.of("IS_KNOWN", "IS_UNKNOWN", "IS_BLANK", "IS_NOT_BLANK")),
            Map.entry("BOOL", Set.of("IS_EQUAL_TO", "IS_NOT_EQUAL_TO", "HAS_EVER_BEEN_EQUAL_TO",
                    "HAS_NEVER_BEEN_EQUAL_TO")),
            Map.entry("NUMBER", Set.of("IS_EQUAL_TO", "IS_NOT_EQUAL_TO", "IS_GREATER_THAN",
                    "IS_GREATER_THAN_OR_EQUAL_TO", "IS_LESS_THAN", "IS_LESS_THAN_OR_EQUAL_TO",
                    "HAS_EVER_BEEN_EQUAL_TO", "HAS_NEVER_BEEN_EQUAL_TO")),
            Map.entry("NUMBER_RANGED", Set.of("IS_BETWEEN", "IS_NOT_BETWEEN")),
            Map.entry("STRING", Set.of("IS_EQUAL_TO", "IS_NOT_EQUAL_TO", "CONTAINS", "DOES_NOT_CONTAIN",
                    "STARTS_WITH", "ENDS_WITH", "HAS_EVER_BEEN_EQUAL_TO", "HAS_NEVER_BEEN_EQUAL_TO",
                    "HAS_EVER_CONTAINED", "HAS_NEVER_CONTAINED")),
            Map.entry("MULTISTRING", Set.of("IS_EQUAL_TO", "IS_NOT_EQUAL_TO", "CONTAINS", "CONTAINS_EXACTLY",
                    "DOES_NOT_CONTAIN", "DOES_NOT_CONTAIN_EXACTLY", "STARTS_WITH", "ENDS_WITH")),
            Map.entry("ENUMERATION", Set.of("IS_ANY_OF", "IS_NONE_OF", "IS_EXACTLY", "IS_NOT_EXACTLY",
                    "CONTAINS_ALL", "DOES_NOT_CONTAIN_ALL", "HAS_EVER_BEEN_ANY_OF", "HAS_NEVER_BEEN_ANY_OF",
                    "HAS_EVER_BEEN_EXACTLY", "HAS_NEVER_BEEN_EXACTLY", "HAS_EVER_CONTAINED_ALL",
                    "HAS_NEVER_CONTAINED_ALL")),
            Map.entry("DATETIME", Set.of("IS_BEFORE", "IS_AFTER", "IS_EQUAL_TO", "IS_BEFORE_DATE", "IS_AFTER_DATE")),
            Map.entry("RANGED_DATE", Set.of("IS_BETWEEN", "IS_NOT_BETWEEN")),
            Map.entry("DATE", Set.of("BEFORE", "AFTER", "EQUAL")),
            Map.entry("ROLLING_DATE_RANGE", Set.of("IS_LESS_THAN_X_DAYS_AGO", "IS_MORE_THAN_X_DAYS_AGO",
                    "IS_LESS_THAN_X_DAYS_FROM_NOW", "IS_MORE_THAN_X_DAYS_FROM_NOW")),
            Map.entry("ROLLING_PROPERTY_UPDATED", Set.of("UPDATED_IN_LAST_X_DAYS", "NOT_UPDATED_IN_LAST_X_DAYS")),
            Map.entry("COMPARATIVE_DATE", COMPARATIVE),
            Map.entry("COMPARATIVE_PROPERTY_UPDATED", COMPARATIVE),
            Map.entry("COMPARATIVE_STRING", Set.of("IS_EQUAL_TO", "IS_NOT_EQUAL_TO", "CONTAINS",
                    "DOES_NOT_CONTAIN", "STARTS_WITH", "ENDS_WITH")),
            Map.entry("CALENDAR_DATE", Set.of("IN_THIS_TIME_UNIT", "IN_THIS_TIME_UNIT_SO_FAR", "IN_NEXT_TIME_UNIT",
                    "IN_LAST_TIME_UNIT", "IN_LAST_TIME_UNIT_SO_FAR")),
            Map.entry("TIME_POINT", Set.of("IS_BEFORE", "IS_AFTER", "IS_EQUAL_TO")),
            Map.entry("TIME_RANGED", Set.of("IS_BETWEEN", "IS_NOT_BETWEEN")));

    private OperationTypes() {
    }

    /** The operators of an operation type, or empty when the engine does not know the type. */
    public static Optional<Set<String>> operators(String operationType) {
        return Optional.ofNullable(OPERATORS.get(operationType));
    }

    public static Set<String> known() {
        return OPERATORS.keySet();
    }
}
