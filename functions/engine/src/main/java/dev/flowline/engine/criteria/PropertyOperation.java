package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.flowline.engine.json.Union;

import java.util.List;
import java.util.Map;

/** What a property filter checks, told apart by {@code operationType} (or {@code type} for time points). */
public sealed interface PropertyOperation
        permits AllPropertyOperation, BoolOperation, NumberOperation, NumberRangedOperation, StringOperation,
        MultiStringOperation, EnumerationOperation, DateTimeOperation, RangedDateOperation, DateOperation,
        RollingDateRangeOperation, RollingPropertyUpdatedOperation, ComparativeOperation, CalendarDateOperation,
        TimePointOperation, TimeRangedOperation, UnknownOperation {

    Union<PropertyOperation> UNION = new Union<>(PropertyOperation.class, List.of("operationType", "type"),
            Map.ofEntries(
                    Map.entry("ALL_PROPERTY", AllPropertyOperation.class),
                    Map.entry("BOOL", BoolOperation.class),
                    Map.entry("NUMBER", NumberOperation.class),
                    Map.entry("NUMBER_RANGED", NumberRangedOperation.class),
                    Map.entry("STRING", StringOperation.class),
                    Map.entry("MULTISTRING", MultiStringOperation.class),
                    Map.entry("ENUMERATION", EnumerationOperation.class),
                    Map.entry("DATETIME", DateTimeOperation.class),
                    Map.entry("RANGED_DATE", RangedDateOperation.class),
                    Map.entry("DATE", DateOperation.class),
                    Map.entry("ROLLING_DATE_RANGE", RollingDateRangeOperation.class),
                    Map.entry("ROLLING_PROPERTY_UPDATED", RollingPropertyUpdatedOperation.class),
                    Map.entry("COMPARATIVE_DATE", ComparativeOperation.class),
                    Map.entry("COMPARATIVE_PROPERTY_UPDATED", ComparativeOperation.class),
                    Map.entry("COMPARATIVE_STRING", ComparativeOperation.class),
                    Map.entry("CALENDAR_DATE", CalendarDateOperation.class),
                    Map.entry("TIME_POINT", TimePointOperation.class),
                    Map.entry("TIME_RANGED", TimeRangedOperation.class)),
            UnknownOperation::new);

    String operator();

    Boolean includeObjectsWithNoValueSet();

    /** Whether a contact with no value for the property passes. */
    @JsonIgnore
    default boolean passesWhenEmpty() {
        return Boolean.TRUE.equals(includeObjectsWithNoValueSet());
    }
}
