package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.flowline.engine.definition.FlowValidatorFixtures.emptyFlow;
import static dev.flowline.engine.definition.FlowValidatorFixtures.flowOf;
import static dev.flowline.engine.definition.FlowValidatorFixtures.json;
import static dev.flowline.engine.definition.FlowValidatorFixtures.problem;
import static dev.flowline.engine.definition.FlowValidatorFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number and date of a flow's actions and settings is range-checked when it is saved (docs/compatibility.md,
 * "Number ranges"), with the JSON Pointer of the value: what passes can be computed at run time.
 */
class FlowValidatorRangesTest {

    private static String single(String actionTypeId, String fields) {
        return "{'type':'SINGLE_CONNECTION','actionId':'1','actionTypeId':'" + actionTypeId
                + "','actionTypeVersion':0,'fields':" + fields + "}";
    }

    private static ObjectNode delay(String delta, String unit) {
        return flowOf(single("0-1", "{'delta':'" + delta + "','time_unit':'" + unit + "'}"));
    }

    private static ObjectNode with(String field, String singleQuotedValue) {
        ObjectNode flow = emptyFlow();
        flow.set(field, json("{'v':" + singleQuotedValue + "}").get("v"));
        return flow;
    }

    // delays

    @Test
    void aDelayOfTwentyDigitsIsRefusedWithItsPointer() {
        assertThat(validate(delay("99999999999999999999", "DAYS"))).containsExactly(problem("/actions/0/fields/delta",
                "delta \"99999999999999999999\" must be at most 1830 DAYS: Flowline waits at most 1830 days"));
    }

    @Test
    void aDelayOverflowingInstantIsRefused() {
        assertThat(validate(delay("9223372036854775807", "MINUTES"))).containsExactly(problem(
                "/actions/0/fields/delta",
                "delta \"9223372036854775807\" must be at most 2635200 MINUTES: Flowline waits at most 1830 days"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"2635200, MINUTES", "43920, HOURS", "1830, DAYS", "261, WEEKS"})
    void theLargestAcceptedDelayPassesAndOneMoreIsRefused(long largest, String unit) {
        assertThat(validate(delay(String.valueOf(largest), unit))).isEmpty();
        assertThat(validate(delay(String.valueOf(largest + 1), unit)))
                .extracting(Problem::path).containsExactly("/actions/0/fields/delta");
    }

    @Test
    void aDelayOfZeroPasses() {
        assertThat(validate(delay("0", "MINUTES"))).isEmpty();
        assertThat(validate(flowOf(single("0-1", "{'delta':0,'time_unit':'DAYS'}")))).isEmpty();
    }

    @Test
    void aDelayUntilATimeOfDayThatDoesNotExistIsRefused() {
        assertThat(validate(flowOf(single("0-1", "{'days_of_week':['MONDAY','FUNDAY'],"
                + "'time_of_day':{'hour':24,'minute':60}}")))).containsExactly(
                problem("/actions/0/fields/days_of_week/1",
                        "day \"FUNDAY\" must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY"),
                problem("/actions/0/fields/time_of_day/hour", "hour 24 must be between 0 and 23"),
                problem("/actions/0/fields/time_of_day/minute", "minute 60 must be between 0 and 59"));
        assertThat(validate(flowOf(single("0-1", "{'time_of_day':{'hour':'nine','minute':0}}")))).containsExactly(
                problem("/actions/0/fields/time_of_day/hour", "hour \"nine\" must be a whole number"));
        assertThat(validate(flowOf(single("0-1", "{'time_of_day':{'hour':23,'minute':59}}")))).isEmpty();
    }

    @Test
    void aDateDelayMovesItsDateByAtMostFiveYearsEitherWay() {
        String property = "'date':{'type':'OBJECT_PROPERTY','propertyName':'renewal_date'}";
        assertThat(validate(flowOf(single("0-35", "{" + property + ",'delta':-1830,'time_unit':'DAYS'}")))).isEmpty();
        assertThat(validate(flowOf(single("0-35", "{" + property + ",'delta':-1831,'time_unit':'DAYS'}"))))
                .containsExactly(problem("/actions/0/fields/delta",
                        "delta \"-1831\" must be between -1830 and 1830 DAYS: Flowline waits at most 1830 days"));
    }

    @Test
    void aDateDelayWithADeltaNeedsItsTimeUnit() {
        assertThat(validate(flowOf(single("0-35", "{'date':{'type':'OBJECT_PROPERTY','propertyName':'d'},'delta':3}"))))
                .containsExactly(problem("/actions/0/fields/time_unit", "time_unit is required"));
    }

    @Test
    void aDateDelayNeedsADateTheEngineCanRead() {
        assertThat(validate(flowOf(single("0-35", "{'date':{'type':'STATIC_VALUE','staticValue':'tomorrow'}}"))))
                .containsExactly(problem("/actions/0/fields/date/staticValue", "staticValue \"tomorrow\" must be a"
                        + " date from 0001-01-02 to 9994-12-26, so that the longest delay from it ends by the year"
                        + " 9999: epoch milliseconds, an ISO date or an ISO date-time"));
        assertThat(validate(flowOf(single("0-35", "{'date':{'type':'STATIC_VALUE','staticValue':'9223372036854775807'}}"))))
                .extracting(Problem::path).containsExactly("/actions/0/fields/date/staticValue");
        assertThat(validate(flowOf(single("0-35", "{'date':{'type':'NEXT_FULL_MOON'}}")))).containsExactly(
                problem("/actions/0/fields/date/type",
                        "type \"NEXT_FULL_MOON\" must be one of STATIC_VALUE, OBJECT_PROPERTY"));
        assertThat(validate(flowOf(single("0-35", "{'date':{'type':'STATIC_VALUE','staticValue':'1783987200000'}}"))))
                .isEmpty();
        assertThat(validate(flowOf(single("0-35", "{'date':{'type':'STATIC_VALUE','staticValue':'2026-07-14T08:00:00Z'}}"))))
                .isEmpty();
    }

    @Test
    void theLatestDateADateDelayMayCountFromLeavesRoomForTheLongestDelay() {
        String delay = "{'date':{'type':'STATIC_VALUE','staticValue':'%s'},'delta':1830,'time_unit':'DAYS',"
                + "'time_of_day':{'hour':23,'minute':59}}";
        assertThat(validate(flowOf(single("0-35", delay.formatted("9994-12-26"))))).isEmpty();
        assertThat(validate(flowOf(single("0-35", delay.formatted("9994-12-27"))))).extracting(Problem::path)
                .containsExactly("/actions/0/fields/date/staticValue");
    }

    @Test
    void aWaitForAnEventLastsAtMostFiveYears() {
        assertThat(validate(flowOf(single("0-29", "{'expiration_minutes':2635200,'event_filter_branches':[]}"))))
                .isEmpty();
        assertThat(validate(flowOf(single("0-29", "{'expiration_minutes':'2635201','event_filter_branches':[]}"))))
                .containsExactly(problem("/actions/0/fields/expiration_minutes", "expiration_minutes \"2635201\""
                        + " must be at most 2635200 MINUTES: Flowline waits at most 1830 days"));
    }

    // relative times and numbers of other actions

    @Test
    void aTaskDueTimeOverflowingIsRefused() {
        assertThat(validate(flowOf(single("0-3", "{'task_type':'TODO','subject':'Call',"
                + "'due_time':{'delta':'9223372036854775807','timeUnit':'DAYS','timeOfDay':{'hour':25,'minute':0},"
                + "'daysOfWeek':['SOMEDAY'],'timeZoneStrategy':{'timeZoneId':'Mars/Olympus_Mons'}}}"))))
                .containsExactly(
                        problem("/actions/0/fields/due_time/delta", "delta \"9223372036854775807\" must be between"
                                + " -1830 and 1830 DAYS: Flowline waits at most 1830 days"),
                        problem("/actions/0/fields/due_time/timeOfDay/hour", "hour 25 must be between 0 and 23"),
                        problem("/actions/0/fields/due_time/daysOfWeek/0", "day \"SOMEDAY\" must be one of MONDAY,"
                                + " TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY"),
                        problem("/actions/0/fields/due_time/timeZoneStrategy/timeZoneId",
                                "timeZoneId \"Mars/Olympus_Mons\" is not a time zone, such as \"Europe/Paris\""));
    }

    @Test
    void aTaskDueInAUnitThatNeverComesIsRefused() {
        assertThat(validate(flowOf(single("0-3", "{'task_type':'TODO','subject':'Call',"
                + "'due_time':{'delta':1,'timeUnit':'FOREVER'}}"))))
                .extracting(Problem::path).containsExactly("/actions/0/fields/due_time/timeUnit");
        assertThat(validate(flowOf(single("0-3", "{'task_type':'TODO','subject':'Call',"
                + "'due_time':{'delta':60,'timeUnit':'MONTHS'}}")))).isEmpty();
    }

    @Test
    void aRelativeDatetimeValueReachesAtMostFiveYears() {
        String value = "{'type':'RELATIVE_DATETIME','timeDelay':{'delta':6,'timeUnit':'YEARS'}}";
        assertThat(validate(flowOf(single("0-5", "{'property_name':'renewal','value':" + value + "}"))))
                .containsExactly(problem("/actions/0/fields/value/timeDelay/delta",
                        "delta \"6\" must be between -5 and 5 YEARS: Flowline waits at most 1830 days"));
        var webhook = "{'type':'WEBHOOK','actionId':'1','method':'GET','webhookUrl':'https://x.test',"
                + "'queryParams':[{'name':'when','value':" + value + "}]}";
        assertThat(validate(flowOf(webhook))).extracting(Problem::path)
                .containsExactly("/actions/0/queryParams/0/value/timeDelay/delta");
    }

    @Test
    void anIncrementOfAHundredMillionDigitsIsRefused() {
        assertThat(validate(flowOf(single("0-5", "{'property_name':'score',"
                + "'value':{'type':'INCREMENT','incrementAmount':'1e99999999'}}")))).containsExactly(
                problem("/actions/0/fields/value/incrementAmount", "incrementAmount \"1e99999999\" must be a"
                        + " number a JavaScript number can hold (at most about 1.8e308 either way)"));
        assertThat(validate(flowOf(single("0-5", "{'property_name':'score',"
                + "'value':{'type':'INCREMENT','incrementAmount':-1.5e300}}")))).isEmpty();
    }

    // settings: pause dates, schedules, anchors

    @Test
    void aPauseDateYearHasFourDigits() {
        assertThat(validate(with("blockedDates", "[{'dayOfMonth':1,'month':'JANUARY','year':10000}]")))
                .containsExactly(problem("/blockedDates/0/year", "year 10000 must be between 1 and 9999"));
        assertThat(validate(with("blockedDates", "[{'dayOfMonth':31,'month':'DECEMBER','year':9999}]"))).isEmpty();
    }

    @Test
    void aScheduleNeedsATimeOfDayThatExists() {
        assertThat(validate(with("enrollmentSchedule", "{'type':'DAILY'}")))
                .containsExactly(problem("/enrollmentSchedule/timeOfDay", "timeOfDay is required"));
        assertThat(validate(with("enrollmentSchedule", "{'type':'DAILY','timeOfDay':{'hour':-1,'minute':99}}")))
                .containsExactly(
                        problem("/enrollmentSchedule/timeOfDay/hour", "hour -1 must be between 0 and 23"),
                        problem("/enrollmentSchedule/timeOfDay/minute", "minute 99 must be between 0 and 59"));
    }

    @Test
    void aScheduleRunsOnDaysThatExist() {
        String at = "'timeOfDay':{'hour':8,'minute':0}";
        assertThat(validate(with("enrollmentSchedule", "{'type':'WEEKLY'," + at + ",'daysOfWeek':['MONDAY','monday']}")))
                .extracting(Problem::path).containsExactly("/enrollmentSchedule/daysOfWeek/1");
        assertThat(validate(with("enrollmentSchedule", "{'type':'MONTHLY_SPECIFIC_DAYS'," + at
                + ",'daysOfMonth':[1,31,0,32]}"))).containsExactly(
                problem("/enrollmentSchedule/daysOfMonth/2", "day 0 must be between 1 and 31"),
                problem("/enrollmentSchedule/daysOfMonth/3", "day 32 must be between 1 and 31"));
        assertThat(validate(with("enrollmentSchedule", "{'type':'MONTHLY_RELATIVE_DAYS'," + at
                + ",'monthlyRelativeDays':'SECOND_TUESDAY'}"))).extracting(Problem::path)
                .containsExactly("/enrollmentSchedule/monthlyRelativeDays");
        assertThat(validate(with("enrollmentSchedule", "{'type':'YEARLY'," + at + ",'month':'FEBRUARY','dayOfMonth':30}")))
                .containsExactly(problem("/enrollmentSchedule/dayOfMonth", "dayOfMonth 30 does not exist in FEBRUARY"));
        assertThat(validate(with("enrollmentSchedule", "{'type':'YEARLY'," + at + ",'month':'FEBRUARY','dayOfMonth':29}")))
                .isEmpty();
        assertThat(validate(with("enrollmentSchedule", "{'type':'HOURLY'," + at + "}"))).extracting(Problem::path)
                .containsExactly("/enrollmentSchedule/type");
    }

    @Test
    void aPropertyScheduleMovesTheDateByAtMostFiveYears() {
        String schedule = "{'type':'PROPERTY_BASED','timeOfDay':{'hour':8,'minute':0},'dateProperty':'birthday',"
                + "'daysDelta':%d}";
        assertThat(validate(with("enrollmentSchedule", schedule.formatted(-1830)))).isEmpty();
        assertThat(validate(with("enrollmentSchedule", schedule.formatted(2_000_000_000)))).containsExactly(
                problem("/enrollmentSchedule/daysDelta", "daysDelta 2000000000 must be between -1830 and 1830"));
    }

    @Test
    void aStaticAnchorIsADateThatExists() {
        assertThat(validate(with("eventAnchor", "{'type':'STATIC_DATE_ANCHOR','dayOfMonth':31,'month':'APRIL'}")))
                .containsExactly(problem("/eventAnchor/dayOfMonth", "dayOfMonth 31 does not exist in APRIL"));
        assertThat(validate(with("eventAnchor", "{'type':'STATIC_DATE_ANCHOR','dayOfMonth':1,'month':'MAY',"
                + "'year':-5}"))).containsExactly(problem("/eventAnchor/year", "year -5 must be between 1 and 9999"));
        assertThat(validate(with("eventAnchor", "{'type':'CONTACT_PROPERTY_ANCHOR'}")))
                .containsExactly(problem("/eventAnchor/contactProperty", "contactProperty is required"));
        assertThat(validate(with("eventAnchor", "{'type':'STATIC_DATE_ANCHOR','dayOfMonth':14,'month':'NOVEMBER',"
                + "'year':2026}"))).isEmpty();
        assertThat(validate(with("eventAnchor", "{'type':'STATIC_DATE_ANCHOR','dayOfMonth':1,'month':'JANUARY',"
                + "'year':9999}"))).containsExactly(problem("/eventAnchor/year", "year 9999 leaves no room for the"
                + " delays counting from the anchor: its date must be from 0001-01-02 to 9994-12-26, so that the"
                + " longest delay from it ends by the year 9999"));
    }
}
