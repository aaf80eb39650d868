package dev.flowline.engine.criteria;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** In this, the next or the last calendar unit (day, week, month, quarter, year), optionally fiscal. */
public record CalendarDateOperation(String operationType, String operator, Boolean includeObjectsWithNoValueSet, String timeUnit, Integer timeUnitCount, Boolean useFiscalYear, String fiscalYearStart,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements PropertyOperation {

    public CalendarDateOperation {
        extras = Extras.orEmpty(extras);
    }
}
