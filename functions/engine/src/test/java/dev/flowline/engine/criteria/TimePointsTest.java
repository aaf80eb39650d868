package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static dev.flowline.engine.criteria.PropertyOperationFixture.NOW;
import static dev.flowline.engine.criteria.PropertyOperationFixture.UTC;
import static dev.flowline.engine.criteria.PropertyOperationFixture.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resolving time points; the clock stands at Wednesday 2024-05-15T10:00Z. */
class TimePointsTest {

    private final Contact contact = new Contact("1");

    private static TimePoint point(String json) {
        return FlowlineJson.read(json.replace('\'', '"'), TimePoint.class);
    }

    private Instant resolve(String json, EvaluationContext context) {
        ZonedDateTime resolved = TimePoints.resolve(point(json), contact, context);
        return resolved == null ? null : resolved.toInstant();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '=', value = {
            "{'referenceType':'NOW'} = 2024-05-15T10:00:00Z",
            "{'referenceType':'TODAY'} = 2024-05-15T00:00:00Z",
            "{'referenceType':'TODAY','hour':17,'minute':30} = 2024-05-15T17:30:00Z",
            "{'referenceType':'WEEK','dayOfWeek':'FRIDAY'} = 2024-05-17T00:00:00Z",
            "{'referenceType':'WEEK'} = 2024-05-13T00:00:00Z",
            "{'referenceType':'MONTH','day':31} = 2024-05-31T00:00:00Z",
            "{'referenceType':'MONTH'} = 2024-05-01T00:00:00Z",
            "{'referenceType':'QUARTER'} = 2024-04-01T00:00:00Z",
            "{'referenceType':'YEAR','month':3,'day':1} = 2024-03-01T00:00:00Z",
            "{'referenceType':'FISCAL_YEAR','month':7,'day':1} = 2023-07-01T00:00:00Z",
            "{'referenceType':'FISCAL_QUARTER','month':2,'day':1} = 2024-05-01T00:00:00Z"})
    void indexedPointsStartFromTheCurrentCalendarUnit(String reference, String expected) {
        String json = "{'timeType':'INDEXED','timezoneSource':'PORTAL','indexReference':" + reference + "}";
        assertThat(resolve(json, UTC)).isEqualTo(expected);
    }

    @Test
    void indexedPointsAddTheirOffset() {
        String json = "{'timeType':'INDEXED','indexReference':{'referenceType':'TODAY'},"
                + "'offset':{'years':-1,'quarters':1,'months':1,'weeks':1,'days':-1,'hours':2,'minutes':3,"
                + "'seconds':4,'milliseconds':5}}";
        assertThat(resolve(json, UTC)).isEqualTo("2023-09-21T02:03:04.005Z");
    }

    @Test
    void indexedPointsUseTheAccountZoneUnlessACustomZoneIsNamed() {
        String portal = "{'timeType':'INDEXED','timezoneSource':'PORTAL','zoneId':'Europe/Paris',"
                + "'indexReference':{'referenceType':'TODAY'}}";
        String custom = "{'timeType':'INDEXED','timezoneSource':'CUSTOM','zoneId':'Europe/Paris',"
                + "'indexReference':{'referenceType':'TODAY'}}";

        assertThat(resolve(portal, in("America/New_York"))).isEqualTo("2024-05-15T04:00:00Z");
        assertThat(resolve(custom, in("America/New_York"))).isEqualTo("2024-05-14T22:00:00Z");
    }

    @Test
    void datePointsAreWallClockTimesInTheirZone() {
        String json = "{'timeType':'DATE','year':2024,'month':2,'day':29,'hour':13,'zoneId':'Europe/Paris'}";
        assertThat(resolve(json, UTC)).isEqualTo("2024-02-29T12:00:00Z");
    }

    @ParameterizedTest(name = "{0} of {1} in {2} -> {3}")
    @CsvSource({
            "VALUE, 2024-05-01T08:00:00Z, UTC, 2024-05-01T08:00:00Z",
            "ANNIVERSARY, 1990-02-10, UTC, 2024-02-10T00:00:00Z",
            "VALUE_WITH_ZONE_SAME_LOCAL_CONVERSION, 2024-05-01, America/New_York, 2024-05-01T04:00:00Z",
            "ANNIVERSARY_WITH_ZONE_SAME_LOCAL_CONVERSION, 1990-05-20, America/New_York, 2024-05-20T04:00:00Z"})
    void propertyReferencedPointsReadAnotherProperty(String referenceType, String value, String zone, String expected) {
        contact.setProperty("signup", value, NOW);
        String json = "{'timeType':'PROPERTY_REFERENCED','property':'signup','referenceType':'" + referenceType
                + "','timezoneSource':'CUSTOM','zoneId':'" + zone + "'}";
        assertThat(resolve(json, UTC)).isEqualTo(expected);
    }

    @Test
    void anniversaryOfTheTwentyNinthOfFebruaryFallsOnTheTwentyEighthInOtherYears() {
        contact.setProperty("birthday", "2000-02-29", NOW);
        var in2025 = EvaluationContext.of(Clock.fixed(Instant.parse("2025-01-10T00:00:00Z"), ZoneOffset.UTC));
        String json = "{'timeType':'PROPERTY_REFERENCED','property':'birthday','referenceType':'ANNIVERSARY'}";
        assertThat(resolve(json, in2025)).isEqualTo("2025-02-28T00:00:00Z");
    }

    @Test
    void updatedAtPointIsTheLastChangeOfTheProperty() {
        contact.setProperty("stage", "lead", Instant.parse("2024-05-01T00:00:00Z"));
        contact.setProperty("stage", "customer", Instant.parse("2024-05-03T00:00:00Z"));
        String json = "{'timeType':'PROPERTY_REFERENCED','property':'stage','referenceType':'UPDATED_AT'}";
        assertThat(resolve(json, UTC)).isEqualTo("2024-05-03T00:00:00Z");
    }

    @Test
    void aPointOnAPropertyWithoutValueResolvesToNothing() {
        String json = "{'timeType':'PROPERTY_REFERENCED','property':'missing','referenceType':'VALUE'}";
        assertThat(resolve(json, UTC)).isNull();
    }

    @Test
    void unknownPointsAndReferencesAreRejected() {
        assertThatThrownBy(() -> resolve("{'timeType':'LUNAR'}", UTC))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("LUNAR");
        assertThatThrownBy(() -> resolve("{'timeType':'INDEXED','indexReference':{'referenceType':'DECADE'}}", UTC))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("DECADE");
        assertThatThrownBy(() -> resolve(
                "{'timeType':'PROPERTY_REFERENCED','property':'missing','referenceType':'BIRTH'}", UTC))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("BIRTH");
    }
}
