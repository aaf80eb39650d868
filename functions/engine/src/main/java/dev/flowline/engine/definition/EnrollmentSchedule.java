package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** A recurring enrolment schedule: {@code DAILY}, {@code WEEKLY}, {@code MONTHLY_SPECIFIC_DAYS}, {@code MONTHLY_RELATIVE_DAYS}, {@code YEARLY} or {@code PROPERTY_BASED}. */
public record EnrollmentSchedule(String type, TimeOfDay timeOfDay, List<String> daysOfWeek, List<Integer> daysOfMonth, String monthlyRelativeDays, String month, Integer dayOfMonth, String dateProperty, Integer daysDelta, Boolean yearly,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public EnrollmentSchedule {
        extras = Extras.orEmpty(extras);
    }
}
