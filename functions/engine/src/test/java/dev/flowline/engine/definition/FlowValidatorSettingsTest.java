package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.definition.FlowValidatorFixtures.emptyFlow;
import static dev.flowline.engine.definition.FlowValidatorFixtures.json;
import static dev.flowline.engine.definition.FlowValidatorFixtures.problem;
import static dev.flowline.engine.definition.FlowValidatorFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

class FlowValidatorSettingsTest {

    private static ObjectNode with(String field, String singleQuotedValue) {
        ObjectNode flow = emptyFlow();
        flow.set(field, json("{'v':" + singleQuotedValue + "}").get("v"));
        return flow;
    }

    @Test
    void aPlatformFlowIsKeptUncheckedButCannotBeTurnedOn() {
        ObjectNode flow = emptyFlow().put("type", "PLATFORM_FLOW").put("objectTypeId", "0-3");
        flow.putArray("actions").addObject().put("type", "NOT_A_TYPE");

        assertThat(validate(flow.put("isEnabled", false))).isEmpty();
        assertThat(validate(flow.put("isEnabled", true))).containsExactly(problem("/isEnabled",
                "a PLATFORM_FLOW on objects \"0-3\" is kept but cannot be turned on: Flowline runs contact flows "
                        + "(CONTACT_FLOW on 0-1) only"));
    }

    @Test
    void aContactFlowOnAnotherObjectCannotBeTurnedOn() {
        assertThat(validate(emptyFlow().put("objectTypeId", "0-2").put("isEnabled", true))).containsExactly(
                problem("/isEnabled", "a CONTACT_FLOW on objects \"0-2\" is kept but cannot be turned on: Flowline "
                        + "runs contact flows (CONTACT_FLOW on 0-1) only"));
    }

    @Test
    void typeObjectTypeIdAndActionsAreRequired() {
        ObjectNode flow = emptyFlow();
        flow.remove("type");
        flow.remove("objectTypeId");
        flow.remove("actions");
        assertThat(validate(flow)).containsExactly(
                problem("/type", "type is required"),
                problem("/objectTypeId", "objectTypeId is required"),
                problem("/actions", "actions is required"));
    }

    @Test
    void otherFieldsHubSpotRequiresDefaultToEmpty() {
        assertThat(validate(json("{'type':'CONTACT_FLOW','objectTypeId':'0-1','actions':[]}"))).isEmpty();
    }

    @Test
    void timeWindowDayMustBeADayOfTheWeek() {
        assertThat(validate(with("timeWindows", "[{'day':'MONDAY'},{'day':'monday'}]"))).containsExactly(
                problem("/timeWindows/1/day",
                        "day \"monday\" must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY"));
    }

    @Test
    void timeWindowDayIsRequired() {
        assertThat(validate(with("timeWindows", "[{'startTime':{'hour':9,'minute':0}}]")))
                .containsExactly(problem("/timeWindows/0/day", "day is required"));
    }

    @Test
    void timeWindowMustNotStartAfterItEnds() {
        assertThat(validate(with("timeWindows",
                "[{'day':'MONDAY','startTime':{'hour':17,'minute':30},'endTime':{'hour':9,'minute':0}}]")))
                .containsExactly(problem("/timeWindows/0/endTime", "endTime 09:00 is before startTime 17:30"));
    }

    @Test
    void timeWindowHourAndMinuteMustBeInRange() {
        assertThat(validate(with("timeWindows",
                "[{'day':'MONDAY','startTime':{'hour':24,'minute':0},'endTime':{'hour':9,'minute':60}}]")))
                .containsExactly(
                        problem("/timeWindows/0/startTime/hour", "hour 24 must be between 0 and 23"),
                        problem("/timeWindows/0/endTime/minute", "minute 60 must be between 0 and 59"));
    }

    @Test
    void blockedDateMonthMustBeAMonthName() {
        assertThat(validate(with("blockedDates", "[{'dayOfMonth':1,'month':'JAN'}]"))).containsExactly(
                problem("/blockedDates/0/month", "month \"JAN\" must be one of JANUARY, FEBRUARY, MARCH, APRIL, MAY,"
                        + " JUNE, JULY, AUGUST, SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER"));
    }

    @Test
    void blockedDateDayMustExistInItsMonth() {
        assertThat(validate(with("blockedDates", "[{'dayOfMonth':31,'month':'APRIL'},{'dayOfMonth':0,'month':'MAY'}]")))
                .containsExactly(
                        problem("/blockedDates/0/dayOfMonth", "dayOfMonth 31 does not exist in APRIL"),
                        problem("/blockedDates/1/dayOfMonth", "dayOfMonth 0 does not exist in MAY"));
    }

    @Test
    void recurringBlockedDateMayBeTheTwentyNinthOfFebruaryButNotInACommonYear() {
        assertThat(validate(with("blockedDates",
                "[{'dayOfMonth':29,'month':'FEBRUARY'},{'dayOfMonth':29,'month':'FEBRUARY','year':2027}]")))
                .containsExactly(problem("/blockedDates/1/dayOfMonth", "dayOfMonth 29 does not exist in FEBRUARY 2027"));
    }

    @Test
    void blockedDateNeedsDayAndMonth() {
        assertThat(validate(with("blockedDates", "[{}]"))).containsExactly(
                problem("/blockedDates/0/month", "month is required"),
                problem("/blockedDates/0/dayOfMonth", "dayOfMonth is required"));
    }

    @Test
    void unEnrollmentSettingTypeMustBeAllOrSelective() {
        assertThat(validate(with("unEnrollmentSetting", "{'type':'SOME','flowIds':[]}"))).containsExactly(
                problem("/unEnrollmentSetting/type", "type \"SOME\" must be one of ALL, SELECTIVE"));
    }

    @Test
    void enrollmentCriteriaOfUnknownTypeAreReported() {
        assertThat(validate(with("enrollmentCriteria", "{'type':'MAGIC','shouldReEnroll':false}"))).containsExactly(
                problem("/enrollmentCriteria/type", "enrollment criteria type \"MAGIC\" is not evaluated by Flowline"));
    }

    @Test
    void datasetEnrollmentIsNotEvaluated() {
        assertThat(validate(with("enrollmentCriteria", "{'type':'DATASET','datasetId':5,'shouldReEnroll':false}")))
                .containsExactly(problem("/enrollmentCriteria/type",
                        "enrollment criteria type \"DATASET\" is not evaluated by Flowline"));
    }

    @Test
    void listBasedEnrollmentNeedsAListFilterBranch() {
        assertThat(validate(with("enrollmentCriteria", "{'type':'LIST_BASED','shouldReEnroll':false}")))
                .containsExactly(problem("/enrollmentCriteria/listFilterBranch", "listFilterBranch is required"));
    }

    @Test
    void manualEnrollmentNeedsNothingElse() {
        assertThat(validate(with("enrollmentCriteria", "{'type':'MANUAL','shouldReEnroll':true}"))).isEmpty();
    }
}
