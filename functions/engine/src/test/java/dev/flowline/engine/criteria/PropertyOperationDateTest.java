package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static dev.flowline.engine.criteria.PropertyOperationFixture.NOW;
import static dev.flowline.engine.criteria.PropertyOperationFixture.PROPERTY;
import static dev.flowline.engine.criteria.PropertyOperationFixture.UTC;
import static dev.flowline.engine.criteria.PropertyOperationFixture.contactWith;
import static dev.flowline.engine.criteria.PropertyOperationFixture.in;
import static dev.flowline.engine.criteria.PropertyOperationFixture.matches;
import static dev.flowline.engine.criteria.PropertyOperationFixture.millis;
import static dev.flowline.engine.criteria.PropertyOperationFixture.operation;
import static org.assertj.core.api.Assertions.assertThat;

/** Operators on dates and date-times; the clock stands at Wednesday 2024-05-15T10:00Z. */
class PropertyOperationDateTest {

    @ParameterizedTest(name = "{0} 2024-05-15T12:00Z on {1}: {2}")
    @CsvSource({
            "IS_BEFORE, 2024-05-15T11:59:59Z, true", "IS_BEFORE, 2024-05-15T12:00:00Z, false",
            "IS_AFTER, 2024-05-15T12:00:01Z, true", "IS_AFTER, 2024-05-15T12:00:00Z, false",
            "IS_EQUAL_TO, 2024-05-15T00:00:00Z, true", "IS_EQUAL_TO, 2024-05-16T00:00:00Z, false",
            "IS_BEFORE_DATE, 2024-05-14T23:59:59Z, true", "IS_BEFORE_DATE, 2024-05-15T00:00:00Z, false",
            "IS_AFTER_DATE, 2024-05-16T00:00:00Z, true", "IS_AFTER_DATE, 2024-05-15T23:59:59Z, false"})
    void dateTimeComparesInstantsAndCalendarDays(String operator, String value, boolean expected) {
        var operation = operation("{'operationType':'DATETIME','operator':'%s','timestamp':%d}",
                operator, millis("2024-05-15T12:00:00Z"));
        assertThat(matches(value, operation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1715731200000", "2024-05-15", "2024-05-15T00:00:00Z", "2024-05-15T02:00:00+02:00"})
    void datesAreReadFromEpochMillisIsoDatesAndIsoInstants(String value) {
        var operation = operation("{'operationType':'DATETIME','operator':'IS_BEFORE','timestamp':%d}",
                millis("2024-05-15T00:00:01Z"));
        assertThat(matches(value, operation)).isTrue();
        assertThat(matches("not a date", operation)).isFalse();
    }

    @Test
    void dateTimeEqualityUsesTheAccountZoneOnlyWhenAskedToConvert() {
        // 22:00 on the 15th in New York, already the 16th in UTC
        Contact contact = contactWith("2024-05-16T02:00:00Z");
        String json = "{'operationType':'DATETIME','operator':'IS_EQUAL_TO','timestamp':%d,"
                + "'requiresTimeZoneConversion':%s}";
        long noon = millis("2024-05-15T12:00:00Z");

        assertThat(matches(contact, operation(json, noon, true), in("America/New_York"))).isTrue();
        assertThat(matches(contact, operation(json, noon, false), in("America/New_York"))).isFalse();
    }

    @ParameterizedTest(name = "{0} May 2024 on {1}: {2}")
    @CsvSource({
            "IS_BETWEEN, 2024-05-01T00:00:00Z, true", "IS_BETWEEN, 2024-05-31T23:59:59Z, true",
            "IS_BETWEEN, 2024-06-01T00:00:00Z, false",
            "IS_NOT_BETWEEN, 2024-04-30T23:59:59Z, true", "IS_NOT_BETWEEN, 2024-05-01T00:00:00Z, false"})
    void rangedDateBoundsAreInclusive(String operator, String value, boolean expected) {
        var operation = operation("{'operationType':'RANGED_DATE','operator':'%s','lowerBound':%d,'upperBound':%d}",
                operator, millis("2024-05-01T00:00:00Z"), millis("2024-05-31T23:59:59Z"));
        assertThat(matches(value, operation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} 2024-05-15 on {1}: {2}")
    @CsvSource({
            "BEFORE, 2024-05-14, true", "BEFORE, 2024-05-15, false",
            "AFTER, 2024-05-16, true", "AFTER, 2024-05-15T23:00:00Z, false",
            "EQUAL, 1715731200000, true", "EQUAL, 2024-05-16, false"})
    void dateComparesCalendarDays(String operator, String value, boolean expected) {
        var operation = operation("{'operationType':'DATE','operator':'%s','year':2024,'month':5,'day':15}", operator);
        assertThat(matches(value, operation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} 7 on {1}: {2}")
    @CsvSource({
            "IS_LESS_THAN_X_DAYS_AGO, 2024-05-10T00:00:00Z, true", "IS_LESS_THAN_X_DAYS_AGO, 2024-05-08T09:00:00Z, false",
            "IS_LESS_THAN_X_DAYS_AGO, 2024-05-16T00:00:00Z, false",
            "IS_MORE_THAN_X_DAYS_AGO, 2024-05-08T09:00:00Z, true", "IS_MORE_THAN_X_DAYS_AGO, 2024-05-10T00:00:00Z, false",
            "IS_LESS_THAN_X_DAYS_FROM_NOW, 2024-05-20T00:00:00Z, true",
            "IS_LESS_THAN_X_DAYS_FROM_NOW, 2024-05-23T00:00:00Z, false",
            "IS_MORE_THAN_X_DAYS_FROM_NOW, 2024-05-23T00:00:00Z, true",
            "IS_MORE_THAN_X_DAYS_FROM_NOW, 2024-05-20T00:00:00Z, false"})
    void rollingDateRangeCountsDaysFromNow(String operator, String value, boolean expected) {
        var operation = operation("{'operationType':'ROLLING_DATE_RANGE','operator':'%s','numberOfDays':7}", operator);
        assertThat(matches(value, operation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} 3, updated {1} days ago: {2}")
    @CsvSource({
            "UPDATED_IN_LAST_X_DAYS, 2, true", "UPDATED_IN_LAST_X_DAYS, 5, false",
            "NOT_UPDATED_IN_LAST_X_DAYS, 5, true", "NOT_UPDATED_IN_LAST_X_DAYS, 2, false"})
    void rollingPropertyUpdatedUsesTheLastChange(String operator, int daysAgo, boolean expected) {
        Contact contact = new Contact("1");
        contact.setProperty(PROPERTY, "a", NOW.minusSeconds(86_400L * 30));
        contact.setProperty(PROPERTY, "b", NOW.minusSeconds(86_400L * daysAgo));
        var operation = operation("{'operationType':'ROLLING_PROPERTY_UPDATED','operator':'%s','numberOfDays':3}",
                operator);
        assertThat(matches(contact, operation, UTC)).isEqualTo(expected);
    }

    @Test
    void rollingPropertyUpdatedFailsForAPropertyNeverSet() {
        var operation = operation(
                "{'operationType':'ROLLING_PROPERTY_UPDATED','operator':'NOT_UPDATED_IN_LAST_X_DAYS','numberOfDays':3}");
        assertThat(matches((String) null, operation)).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1} vs {2} (default {3}): {4}")
    @CsvSource({
            "IS_BEFORE, 2024-05-01, 2024-05-02, , true", "IS_BEFORE, 2024-05-02, 2024-05-02, , false",
            "IS_AFTER, 2024-05-03, 2024-05-02, , true", "IS_AFTER, 2024-05-01, 2024-05-02, , false",
            "IS_BEFORE, 2024-05-01, , 1714608000000, true", "IS_BEFORE, 2024-05-01, , , false"})
    void comparativeDateComparesWithAnotherDateProperty(String operator, String value, String other,
                                                       String fallback, boolean expected) {
        Contact contact = contactWith(value);
        contact.setProperty("other", other, NOW);
        var operation = operation("{'operationType':'COMPARATIVE_DATE','operator':'%s',"
                + "'comparisonPropertyName':'other'%s}", operator,
                fallback == null ? "" : ",'defaultComparisonValue':'" + fallback + "'");
        assertThat(matches(contact, operation, UTC)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"IS_BEFORE, true", "IS_AFTER, false"})
    void comparativePropertyUpdatedComparesLastChanges(String operator, boolean expected) {
        Contact contact = new Contact("1");
        contact.setProperty(PROPERTY, "x", Instant.parse("2024-05-01T00:00:00Z"));
        contact.setProperty("other", "y", Instant.parse("2024-05-02T00:00:00Z"));
        var operation = operation("{'operationType':'COMPARATIVE_PROPERTY_UPDATED','operator':'%s',"
                + "'comparisonPropertyName':'other'}", operator);
        assertThat(matches(contact, operation, UTC)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} x{2} (fiscal {3}) on {4}: {5}")
    @CsvSource({
            "IN_THIS_TIME_UNIT, DAY, , , 2024-05-15T23:59:59Z, true",
            "IN_THIS_TIME_UNIT, DAY, , , 2024-05-16T00:00:00Z, false",
            "IN_THIS_TIME_UNIT, WEEK, , , 2024-05-13T00:00:00Z, true",
            "IN_THIS_TIME_UNIT, WEEK, , , 2024-05-12T23:59:59Z, false",
            "IN_THIS_TIME_UNIT_SO_FAR, WEEK, , , 2024-05-15T09:00:00Z, true",
            "IN_THIS_TIME_UNIT_SO_FAR, WEEK, , , 2024-05-15T11:00:00Z, false",
            "IN_NEXT_TIME_UNIT, MONTH, , , 2024-06-30T12:00:00Z, true",
            "IN_NEXT_TIME_UNIT, MONTH, , , 2024-05-31T12:00:00Z, false",
            "IN_NEXT_TIME_UNIT, MONTH, 2, , 2024-07-31T12:00:00Z, true",
            "IN_NEXT_TIME_UNIT, MONTH, 2, , 2024-08-01T00:00:00Z, false",
            "IN_LAST_TIME_UNIT, QUARTER, , , 2024-01-01T00:00:00Z, true",
            "IN_LAST_TIME_UNIT, QUARTER, , , 2024-04-01T00:00:00Z, false",
            "IN_LAST_TIME_UNIT, DAY, 3, , 2024-05-12T00:00:00Z, true",
            "IN_LAST_TIME_UNIT, DAY, 3, , 2024-05-11T23:59:59Z, false",
            "IN_LAST_TIME_UNIT_SO_FAR, YEAR, , , 2023-01-01T00:00:00Z, true",
            "IN_LAST_TIME_UNIT_SO_FAR, YEAR, , , 2024-05-15T11:00:00Z, false",
            "IN_THIS_TIME_UNIT, YEAR, , JULY, 2023-07-01T00:00:00Z, true",
            "IN_THIS_TIME_UNIT, YEAR, , JULY, 2024-07-01T00:00:00Z, false",
            "IN_THIS_TIME_UNIT, YEAR, , JULY, 2023-06-30T23:59:59Z, false",
            "IN_THIS_TIME_UNIT, QUARTER, , FEBRUARY, 2024-07-31T12:00:00Z, true",
            "IN_THIS_TIME_UNIT, QUARTER, , FEBRUARY, 2024-04-30T12:00:00Z, false"})
    void calendarDateCountsWholeCalendarUnits(String operator, String unit, Integer count, String fiscalStart,
                                              String value, boolean expected) {
        var operation = operation("{'operationType':'CALENDAR_DATE','operator':'%s','timeUnit':'%s'%s%s}",
                operator, unit, count == null ? "" : ",'timeUnitCount':" + count,
                fiscalStart == null ? "" : ",'useFiscalYear':true,'fiscalYearStart':'" + fiscalStart + "'");
        assertThat(matches(value, operation)).isEqualTo(expected);
    }

    @Test
    void calendarDaysAreDaysOfTheAccountZone() {
        // the clock reads 19:00 on the 15th in Tokyo
        var today = operation("{'operationType':'CALENDAR_DATE','operator':'IN_THIS_TIME_UNIT','timeUnit':'DAY'}");
        Contact earlyOnTheFifteenthInTokyo = contactWith("2024-05-14T16:00:00Z");
        Contact earlyOnTheSixteenthInTokyo = contactWith("2024-05-15T16:00:00Z");

        assertThat(matches(earlyOnTheFifteenthInTokyo, today, in("Asia/Tokyo"))).isTrue();
        assertThat(matches(earlyOnTheFifteenthInTokyo, today, UTC)).isFalse();
        assertThat(matches(earlyOnTheSixteenthInTokyo, today, in("Asia/Tokyo"))).isFalse();
        assertThat(matches(earlyOnTheSixteenthInTokyo, today, UTC)).isTrue();
    }
}
