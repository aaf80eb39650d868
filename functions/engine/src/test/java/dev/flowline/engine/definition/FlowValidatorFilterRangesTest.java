package dev.flowline.engine.definition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.definition.FlowValidatorFixtures.FILTER;
import static dev.flowline.engine.definition.FlowValidatorFixtures.flowFiltering;
import static dev.flowline.engine.definition.FlowValidatorFixtures.problem;
import static dev.flowline.engine.definition.FlowValidatorFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numbers and dates of filters are range-checked when a flow is saved: numbers are finite, dates fall in the
 * years 1 to 9999, and durations and offsets reach at most a hundred years from now, so that evaluating a filter
 * that passed never overflows or fails.
 */
class FlowValidatorFilterRangesTest {

    private static final String OPERATION = FILTER + "/operation";

    private static List<Problem> operation(String operation) {
        return validate(flowFiltering("{'filterType':'PROPERTY','property':'p','operation':" + operation + "}"));
    }

    private static List<Problem> eventFilter(String refineBys) {
        return validate(flowFiltering("{'filterType':'FORM_SUBMISSION','formId':'f','operator':'FILLED_OUT'"
                + refineBys + "}"));
    }

    @Test
    void aNumberBeyondWhatAJavaScriptNumberHoldsIsRefused() {
        assertThat(operation("{'operationType':'NUMBER','operator':'IS_EQUAL_TO','value':1e999}")).containsExactly(
                problem(OPERATION + "/value", "value 1E+999 must be a number a JavaScript number can hold"
                        + " (at most about 1.8e308 either way)"));
        assertThat(operation("{'operationType':'NUMBER_RANGED','operator':'IS_BETWEEN','lowerBound':1e-999,"
                + "'upperBound':1.7e308}")).extracting(Problem::path).containsExactly(OPERATION + "/lowerBound");
    }

    @Test
    void aTimestampOutsideTheYearsOneToNineThousandNineHundredNinetyNineIsRefused() {
        assertThat(operation("{'operationType':'DATETIME','operator':'IS_AFTER','timestamp':9223372036854775807}"))
                .containsExactly(problem(OPERATION + "/timestamp", "timestamp 9223372036854775807 must be a time"
                        + " in the years 1 to 9999 (epoch milliseconds)"));
        assertThat(operation("{'operationType':'RANGED_DATE','operator':'IS_BETWEEN','lowerBound':-62135596800001,"
                + "'upperBound':253402300799999}")).extracting(Problem::path).containsExactly(OPERATION + "/lowerBound");
    }

    @Test
    void aCalendarDayMustExist() {
        assertThat(operation("{'operationType':'DATE','operator':'EQUAL','year':2026,'month':'2','day':30}"))
                .containsExactly(problem(OPERATION + "/day", "day 30 does not exist in FEBRUARY 2026"));
        assertThat(operation("{'operationType':'DATE','operator':'EQUAL','year':0,'month':'13','day':1}"))
                .containsExactly(
                        problem(OPERATION + "/year", "year 0 must be between 1 and 9999"),
                        problem(OPERATION + "/month", "month \"13\" must be a number from 1 to 12 or the name of a month"));
        assertThat(operation("{'operationType':'DATE','operator':'EQUAL','year':2028,'month':'FEBRUARY','day':29}"))
                .isEmpty();
    }

    @Test
    void aRollingRangeReachesAtMostAHundredYears() {
        assertThat(operation("{'operationType':'ROLLING_DATE_RANGE','operator':'IS_MORE_THAN_X_DAYS_AGO',"
                + "'numberOfDays':36525}")).isEmpty();
        assertThat(operation("{'operationType':'ROLLING_PROPERTY_UPDATED','operator':'UPDATED_IN_LAST_X_DAYS',"
                + "'numberOfDays':2147483647}")).containsExactly(
                problem(OPERATION + "/numberOfDays", "numberOfDays 2147483647 must be between 0 and 36525"));
    }

    @Test
    void aCalendarUnitCountOverflowingTheYearIsRefused() {
        assertThat(operation("{'operationType':'CALENDAR_DATE','operator':'IN_LAST_TIME_UNIT','timeUnit':'YEAR',"
                + "'timeUnitCount':2147483647}")).containsExactly(
                problem(OPERATION + "/timeUnitCount", "timeUnitCount 2147483647 must be between 0 and 100"));
        assertThat(operation("{'operationType':'CALENDAR_DATE','operator':'IN_LAST_TIME_UNIT','timeUnit':'DAY',"
                + "'timeUnitCount':36525}")).isEmpty();
    }

    @Test
    void aTimePointOffsetReachesAtMostAHundredYearsInEachUnit() {
        String point = "{'operationType':'TIME_POINT','operator':'IS_AFTER','timePoint':{'timeType':'INDEXED',"
                + "'indexReference':{'referenceType':'NOW'},'offset':%s}}";
        assertThat(operation(point.formatted("{'years':-100,'quarters':400,'days':36525,'seconds':2147483647}")))
                .isEmpty();
        assertThat(operation(point.formatted("{'years':2147483647,'months':-1201}"))).containsExactly(
                problem(OPERATION + "/timePoint/offset/years", "years 2147483647 must be between -100 and 100"),
                problem(OPERATION + "/timePoint/offset/months", "months -1201 must be between -1200 and 1200"));
    }

    @Test
    void aTimePointIsAMomentThatExistsInAZoneThatExists() {
        assertThat(operation("{'operationType':'TIME_POINT','operator':'IS_AFTER','timePoint':{'timeType':'DATE',"
                + "'year':2026,'month':2,'day':29,'hour':24,'zoneId':'Europe/Atlantis'}}")).containsExactly(
                problem(OPERATION + "/timePoint/day", "day 29 does not exist in FEBRUARY 2026"),
                problem(OPERATION + "/timePoint/hour", "hour 24 must be between 0 and 23"),
                problem(OPERATION + "/timePoint/zoneId",
                        "zoneId \"Europe/Atlantis\" is not a time zone, such as \"Europe/Paris\""));
        assertThat(operation("{'operationType':'TIME_RANGED','operator':'IS_BETWEEN','propertyParser':'VALUE',"
                + "'lowerBoundTimePoint':{'timeType':'INDEXED','indexReference':{'referenceType':'YEAR','month':2,"
                + "'day':30}},'upperBoundTimePoint':{'timeType':'PROPERTY_REFERENCED','property':'renewal',"
                + "'referenceType':'BIRTH'}}")).containsExactly(
                problem(OPERATION + "/lowerBoundTimePoint/indexReference/day", "day 30 does not exist in FEBRUARY"),
                problem(OPERATION + "/upperBoundTimePoint/referenceType", "referenceType \"BIRTH\" must be one of"
                        + " VALUE, UPDATED_AT, ANNIVERSARY, VALUE_WITH_ZONE_SAME_LOCAL_CONVERSION,"
                        + " ANNIVERSARY_WITH_ZONE_SAME_LOCAL_CONVERSION"));
    }

    @Test
    void aRefineByOffsetReachesAtMostAHundredYearsInAUnitTheEvaluatorKnows() {
        assertThat(eventFilter(",'pruningRefineBy':{'type':'RELATIVE_COMPARATIVE','comparison':'AFTER',"
                + "'timeOffset':{'amount':2147483647,'offsetDirection':'PAST','timeUnit':'QUARTERS'}}"))
                .containsExactly(problem(FILTER + "/pruningRefineBy/timeOffset/amount",
                        "amount 2147483647 must be between -400 and 400"));
        assertThat(eventFilter(",'pruningRefineBy':{'type':'RELATIVE_RANGED','rangeType':'BETWEEN',"
                + "'lowerBoundOffset':{'amount':14,'timeUnit':'DAY'},'upperBoundOffset':{'timeUnit':'DAYS'}}"))
                .containsExactly(
                        problem(FILTER + "/pruningRefineBy/lowerBoundOffset/timeUnit", "timeUnit \"DAY\" must be one"
                                + " of MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS, WEEKS, MONTHS, QUARTERS, YEARS"),
                        problem(FILTER + "/pruningRefineBy/upperBoundOffset/amount", "amount is required"));
        assertThat(eventFilter(",'pruningRefineBy':{'type':'RELATIVE_COMPARATIVE','comparison':'AFTER',"
                + "'timeOffset':{'amount':100,'offsetDirection':'FUTURE','timeUnit':'YEARS'}}")).isEmpty();
    }

    @Test
    void anAbsoluteRefineByAndAnOccurrenceCountAreInRange() {
        assertThat(eventFilter(",'pruningRefineBy':{'type':'ABSOLUTE_RANGED','rangeType':'BETWEEN',"
                + "'lowerTimestamp':0,'upperTimestamp':-9223372036854775808},"
                + "'coalescingRefineBy':{'type':'NUM_OCCURRENCES','minOccurrences':-1}"))
                .extracting(Problem::path).containsExactly(FILTER + "/pruningRefineBy/upperTimestamp",
                        FILTER + "/coalescingRefineBy/minOccurrences");
    }
}
