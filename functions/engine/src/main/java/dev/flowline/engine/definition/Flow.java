package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.json.Extras;
import dev.flowline.engine.json.FlowlineJson;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A HubSpot Automation v4 flow ({@code ApiContactFlow}), field for field. Reading and writing it is
 * lossless: fields without a component here are kept in {@code extras}.
 */
public record Flow(
        String id,
        String revisionId,
        String type,
        String objectTypeId,
        String flowType,
        Boolean isEnabled,
        String name,
        String description,
        String uuid,
        String startActionId,
        String nextAvailableActionId,
        List<Action> actions,
        EnrollmentCriteria enrollmentCriteria,
        EnrollmentSchedule enrollmentSchedule,
        FilterBranch goalFilterBranch,
        EventAnchor eventAnchor,
        UnEnrollmentSetting unEnrollmentSetting,
        List<TimeWindow> timeWindows,
        List<BlockedDate> blockedDates,
        Map<String, String> customProperties,
        List<JsonNode> dataSources,
        List<Long> suppressionListIds,
        Boolean canEnrollFromSalesforce,
        String createdAt,
        String updatedAt,
        String crmObjectCreationStatus,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public static final String CONTACT_FLOW = "CONTACT_FLOW";
    public static final String CONTACT_OBJECT = "0-1";

    public Flow {
        extras = Extras.orEmpty(extras);
    }

    public static Flow parse(String json) {
        return FlowlineJson.read(json, Flow.class);
    }

    public String toJson() {
        return FlowlineJson.write(this);
    }

    @JsonIgnore
    public boolean enabled() {
        return Boolean.TRUE.equals(isEnabled);
    }

    public Optional<Action> action(String actionId) {
        if (actions != null && actionId != null) {
            for (Action action : actions) {
                if (actionId.equals(action.actionId())) {
                    return Optional.of(action);
                }
            }
        }
        return Optional.empty();
    }
}
