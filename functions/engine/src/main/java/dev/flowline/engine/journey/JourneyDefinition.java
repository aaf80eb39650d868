package dev.flowline.engine.journey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.flowline.engine.json.FlowlineJson;

import java.util.List;
import java.util.Optional;

/**
 * What a journey does, as its draft or one of its published versions: centred on one enumeration property of
 * contacts, it enrols contacts of the eligible lists whose property takes a stage's value, runs each stage's
 * flow, and ends at an exit when the property takes an exit's value. The first stage is the start stage.
 *
 * @param propertyName          the enumeration property the journey is centred on
 * @param enrollmentListIds     the lists whose members are eligible (at most 5)
 * @param enrollEmptyValue      whether eligible contacts with no value for the property enrol in the start stage
 */
public record JourneyDefinition(String name, String propertyName, List<String> enrollmentListIds,
                                Boolean enrollEmptyValue, List<JourneyStage> stages, List<JourneyExit> exits,
                                JourneyUnenrollment unEnrollment) {

    public static JourneyDefinition parse(String json) {
        return FlowlineJson.read(json, JourneyDefinition.class);
    }

    public String toJson() {
        return FlowlineJson.write(this);
    }

    @JsonIgnore
    public List<JourneyStage> stageList() {
        return stages == null ? List.of() : stages.stream().filter(s -> s != null).toList();
    }

    @JsonIgnore
    public List<JourneyExit> exitList() {
        return exits == null ? List.of() : exits.stream().filter(e -> e != null).toList();
    }

    @JsonIgnore
    public List<String> listIds() {
        return enrollmentListIds == null ? List.of() : enrollmentListIds;
    }

    @JsonIgnore
    public Optional<JourneyStage> startStage() {
        return stageList().stream().findFirst();
    }

    public Optional<JourneyStage> stage(String stageId) {
        return stageList().stream().filter(s -> s.stageId() != null && s.stageId().equals(stageId)).findFirst();
    }

    public Optional<JourneyExit> exit(String exitId) {
        return exitList().stream().filter(e -> e.exitId() != null && e.exitId().equals(exitId)).findFirst();
    }

    /** The stage whose value {@code value} is. */
    public Optional<JourneyStage> stageOfValue(String value) {
        return stageList().stream().filter(s -> value.equals(s.propertyValue())).findFirst();
    }

    /** The exit whose value {@code value} is. */
    public Optional<JourneyExit> exitOfValue(String value) {
        return exitList().stream().filter(e -> value.equals(e.propertyValue())).findFirst();
    }

    @JsonIgnore
    public JourneyUnenrollment unenrollment() {
        return unEnrollment == null ? JourneyUnenrollment.NONE : unEnrollment;
    }
}
