package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static dev.flowline.engine.criteria.PropertyOperationFixture.PROPERTY;
import static dev.flowline.engine.criteria.PropertyOperationFixture.UTC;
import static dev.flowline.engine.criteria.PropertyOperationFixture.contactWith;
import static dev.flowline.engine.criteria.PropertyOperationFixture.in;
import static dev.flowline.engine.criteria.PropertyOperationFixture.matches;
import static dev.flowline.engine.criteria.PropertyOperationFixture.operation;
import static org.assertj.core.api.Assertions.assertThat;

/** TIME_POINT and TIME_RANGED operators; the clock stands at Wednesday 2024-05-15T10:00Z. */
class TimePointOperationTest {

    private static final String MAY_FIRST_NOON =
            "{'timeType':'DATE','year':2024,'month':5,'day':1,'hour':12,'zoneId':'UTC'}";
    private static final String TODAY = "{'timeType':'INDEXED','indexReference':{'referenceType':'TODAY'}}";
    private static final String A_WEEK_AGO =
            "{'timeType':'INDEXED','indexReference':{'referenceType':'TODAY'},'offset':{'days':-7}}";

    @ParameterizedTest(name = "{0} ({1}) May 1st noon on {2}: {3}")
    @CsvSource({
            "IS_BEFORE, , 2024-05-01T11:59:59Z, true", "IS_BEFORE, , 2024-05-01T12:00:00Z, false",
            "IS_BEFORE, INCLUSIVE, 2024-05-01T12:00:00Z, true", "IS_BEFORE, INCLUSIVE, 2024-05-01T12:00:01Z, false",
            "IS_AFTER, EXCLUSIVE, 2024-05-01T12:00:01Z, true", "IS_AFTER, EXCLUSIVE, 2024-05-01T12:00:00Z, false",
            "IS_AFTER, INCLUSIVE, 2024-05-01T12:00:00Z, true", "IS_AFTER, INCLUSIVE, 2024-05-01T11:59:59Z, false",
            "IS_EQUAL_TO, , 2024-05-01T23:59:59Z, true", "IS_EQUAL_TO, , 2024-05-02T00:00:00Z, false"})
    void timePointComparesWithThePoint(String operator, String endpoint, String value, boolean expected) {
        var operation = operation("{'operationType':'TIME_POINT','operator':'%s','timePoint':%s%s}", operator,
                MAY_FIRST_NOON, endpoint == null ? "" : ",'endpointBehavior':'" + endpoint + "'");
        assertThat(matches(value, operation)).isEqualTo(expected);
    }

    @Test
    void timePointIsReadFromTheTypeFieldToo() {
        var operation = operation("{'type':'TIME_POINT','operator':'IS_BEFORE','timePoint':%s}", TODAY);
        assertThat(matches("2024-05-14T23:00:00Z", operation)).isTrue();
        assertThat(matches("2024-05-15T01:00:00Z", operation)).isFalse();
    }

    @Test
    void todayIsTheAccountsToday() {
        var beforeToday = operation("{'operationType':'TIME_POINT','operator':'IS_BEFORE','timePoint':%s}", TODAY);
        Contact lateOnTheFourteenthInNewYork = contactWith("2024-05-15T02:00:00Z");

        assertThat(matches(lateOnTheFourteenthInNewYork, beforeToday, in("America/New_York"))).isTrue();
        assertThat(matches(lateOnTheFourteenthInNewYork, beforeToday, UTC)).isFalse();
    }

    @Test
    void updatedAtParserComparesTheLastChangeInsteadOfTheValue() {
        var operation = operation("{'operationType':'TIME_POINT','operator':'IS_AFTER','propertyParser':'UPDATED_AT',"
                + "'timePoint':%s}", A_WEEK_AGO);
        Contact changedThreeDaysAgo = new Contact("1");
        changedThreeDaysAgo.setProperty(PROPERTY, "2000-01-01", Instant.parse("2024-05-12T00:00:00Z"));
        Contact changedTenDaysAgo = new Contact("2");
        changedTenDaysAgo.setProperty(PROPERTY, "2030-01-01", Instant.parse("2024-05-05T00:00:00Z"));

        assertThat(matches(changedThreeDaysAgo, operation, UTC)).isTrue();
        assertThat(matches(changedTenDaysAgo, operation, UTC)).isFalse();
    }

    @ParameterizedTest(name = "{0} [{1}, {2}] on {3}: {4}")
    @CsvSource({
            "IS_BETWEEN, , , 2024-05-08T00:00:00Z, true", "IS_BETWEEN, , , 2024-05-15T10:00:00Z, true",
            "IS_BETWEEN, , , 2024-05-07T23:59:59Z, false", "IS_BETWEEN, EXCLUSIVE, , 2024-05-08T00:00:00Z, false",
            "IS_BETWEEN, , EXCLUSIVE, 2024-05-15T10:00:00Z, false",
            "IS_NOT_BETWEEN, , , 2024-05-16T00:00:00Z, true", "IS_NOT_BETWEEN, , , 2024-05-10T00:00:00Z, false"})
    void timeRangedBoundsAreInclusiveUnlessExclusive(String operator, String lower, String upper, String value,
                                                     boolean expected) {
        var operation = operation("{'operationType':'TIME_RANGED','operator':'%s','lowerBoundTimePoint':%s,"
                        + "'upperBoundTimePoint':{'timeType':'INDEXED','indexReference':{'referenceType':'NOW'}}%s%s}",
                operator, A_WEEK_AGO, lower == null ? "" : ",'lowerBoundEndpointBehavior':'" + lower + "'",
                upper == null ? "" : ",'upperBoundEndpointBehavior':'" + upper + "'");
        assertThat(matches(value, operation)).isEqualTo(expected);
    }

    @Test
    void aBoundOnAPropertyWithoutValueMatchesNothing() {
        var operation = operation("{'type':'TIME_RANGED','operator':'IS_NOT_BETWEEN','lowerBoundTimePoint':%s,"
                + "'upperBoundTimePoint':{'timeType':'PROPERTY_REFERENCED','property':'renewal',"
                + "'referenceType':'VALUE'}}", A_WEEK_AGO);
        Contact contact = contactWith("2024-01-01");

        assertThat(matches(contact, operation, UTC)).isFalse();
        contact.setProperty("renewal", "2024-06-01", Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(matches(contact, operation, UTC)).isTrue();
    }
}
