package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.flowline.engine.criteria.FilterFixtures.NOW;
import static dev.flowline.engine.criteria.FilterFixtures.contactWith;
import static dev.flowline.engine.criteria.FilterFixtures.event;
import static dev.flowline.engine.criteria.FilterFixtures.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pruning windows and occurrence counts, on form submissions (NOW is 2025-06-15T12:00:00Z, UTC). */
class RefineByTest {

    private static String filledOut(String refineBys) {
        return """
                {"filterType":"FORM_SUBMISSION","operator":"FILLED_OUT"%s}""".formatted(refineBys);
    }

    private static String pruning(String refineBy) {
        return ",\"pruningRefineBy\":" + refineBy;
    }

    private static String relative(String comparison, int amount, String direction, String unit) {
        return pruning("""
                {"type":"RELATIVE_COMPARATIVE","comparison":"%s",
                 "timeOffset":{"amount":%d,"offsetDirection":"%s","timeUnit":"%s"}}"""
                .formatted(comparison, amount, direction, unit));
    }

    private static Contact submittedAt(String... instants) {
        Contact contact = new Contact("1");
        for (String at : instants) {
            contact.record(new ActivityEvent(StandardEvents.FORM_SUBMISSION,
                    Instant.parse(at), Map.of()));
        }
        return contact;
    }

    private static Contact submittedAgo(Duration... ago) {
        Contact contact = new Contact("1");
        for (Duration d : ago) {
            contact.record(event(StandardEvents.FORM_SUBMISSION, d, Map.of()));
        }
        return contact;
    }

    @ParameterizedTest(name = "AFTER {0} {1} ago, submitted at {2}: {3}")
    @CsvSource({
            "7, DAYS, 2025-06-09T12:00:00Z, true",
            "7, DAYS, 2025-06-08T12:00:00Z, true",
            "7, DAYS, 2025-06-08T11:59:59.999Z, false",
            "2, WEEKS, 2025-06-01T12:00:00Z, true",
            "2, WEEKS, 2025-05-31T12:00:00Z, false",
            "1, MONTHS, 2025-05-15T12:00:00Z, true",
            "1, MONTHS, 2025-05-15T11:00:00Z, false",
            "3, HOURS, 2025-06-15T09:00:00Z, true",
            "3, HOURS, 2025-06-15T08:59:00Z, false",
            "30, MINUTES, 2025-06-15T11:30:00Z, true",
            "30, MINUTES, 2025-06-15T11:29:59Z, false",
            "1, QUARTERS, 2025-03-15T12:00:00Z, true",
            "1, YEARS, 2024-06-15T11:59:59Z, false"})
    void relativeAfterIncludesItsEdge(int amount, String unit, String submitted, boolean expected) {
        assertThat(matches(filledOut(relative("AFTER", amount, "PAST", unit)), submittedAt(submitted)))
                .isEqualTo(expected);
    }

    @Test
    void relativeBeforeExcludesItsEdge() {
        String beforeAWeekAgo = filledOut(relative("BEFORE", 7, "PAST", "DAYS"));

        assertThat(matches(beforeAWeekAgo, submittedAgo(Duration.ofDays(8)))).isTrue();
        assertThat(matches(beforeAWeekAgo, submittedAgo(Duration.ofDays(7)))).isFalse();
        assertThat(matches(beforeAWeekAgo, submittedAgo(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void futureOffsetsCountForwardFromNow() {
        String beforeTomorrow = filledOut(relative("BEFORE", 1, "FUTURE", "DAYS"));
        String afterTomorrow = filledOut(relative("AFTER", 1, "FUTURE", "DAYS"));

        assertThat(matches(beforeTomorrow, submittedAgo(Duration.ZERO))).isTrue();
        assertThat(matches(afterTomorrow, submittedAgo(Duration.ZERO))).isFalse();
    }

    @Test
    void relativeRangedBetweenIncludesBothEdges() {
        String between = filledOut(pruning("""
                {"type":"RELATIVE_RANGED","rangeType":"BETWEEN",
                 "lowerBoundOffset":{"amount":30,"offsetDirection":"PAST","timeUnit":"DAYS"},
                 "upperBoundOffset":{"amount":7,"offsetDirection":"PAST","timeUnit":"DAYS"}}"""));

        assertThat(matches(between, submittedAgo(Duration.ofDays(30)))).isTrue();
        assertThat(matches(between, submittedAgo(Duration.ofDays(7)))).isTrue();
        assertThat(matches(between, submittedAgo(Duration.ofDays(15)))).isTrue();
        assertThat(matches(between, submittedAgo(Duration.ofDays(30).plusMillis(1)))).isFalse();
        assertThat(matches(between, submittedAgo(Duration.ofDays(7).minusMillis(1)))).isFalse();
    }

    @Test
    void relativeRangedNotBetweenLooksOutsideTheRange() {
        String notBetween = filledOut(pruning("""
                {"type":"RELATIVE_RANGED","rangeType":"NOT_BETWEEN",
                 "lowerBoundOffset":{"amount":30,"offsetDirection":"PAST","timeUnit":"DAYS"},
                 "upperBoundOffset":{"amount":7,"offsetDirection":"PAST","timeUnit":"DAYS"}}"""));

        assertThat(matches(notBetween, submittedAgo(Duration.ofDays(15)))).isFalse();
        assertThat(matches(notBetween, submittedAgo(Duration.ofDays(7)))).isFalse();
        assertThat(matches(notBetween, submittedAgo(Duration.ofDays(31)))).isTrue();
        assertThat(matches(notBetween, submittedAgo(Duration.ofDays(1)))).isTrue();
        assertThat(matches(notBetween, submittedAgo(Duration.ofDays(15), Duration.ofDays(1)))).isTrue();
    }

    @Test
    void absoluteComparativeSplitsTimeAtTheTimestamp() {
        long edge = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();
        String after = filledOut(pruning("""
                {"type":"ABSOLUTE_COMPARATIVE","comparison":"AFTER","timestamp":%d}""".formatted(edge)));
        String before = filledOut(pruning("""
                {"type":"ABSOLUTE_COMPARATIVE","comparison":"BEFORE","timestamp":%d}""".formatted(edge)));

        assertThat(matches(after, submittedAt("2025-06-01T00:00:00Z"))).isTrue();
        assertThat(matches(before, submittedAt("2025-06-01T00:00:00Z"))).isFalse();
        assertThat(matches(after, submittedAt("2025-05-31T23:59:59.999Z"))).isFalse();
        assertThat(matches(before, submittedAt("2025-05-31T23:59:59.999Z"))).isTrue();
    }

    @Test
    void absoluteRangedBetweenAndNotBetween() {
        String range = """
                {"type":"ABSOLUTE_RANGED","rangeType":"%s","lowerTimestamp":%d,"upperTimestamp":%d}""";
        long lower = Instant.parse("2025-05-01T00:00:00Z").toEpochMilli();
        long upper = Instant.parse("2025-05-31T00:00:00Z").toEpochMilli();
        String between = filledOut(pruning(range.formatted("BETWEEN", lower, upper)));
        String notBetween = filledOut(pruning(range.formatted("NOT_BETWEEN", lower, upper)));

        assertThat(matches(between, submittedAt("2025-05-01T00:00:00Z"))).isTrue();
        assertThat(matches(between, submittedAt("2025-05-31T00:00:00Z"))).isTrue();
        assertThat(matches(between, submittedAt("2025-05-31T00:00:00.001Z"))).isFalse();
        assertThat(matches(notBetween, submittedAt("2025-05-15T00:00:00Z"))).isFalse();
        assertThat(matches(notBetween, submittedAt("2025-04-30T23:59:59.999Z"))).isTrue();
    }

    @Test
    void allHistoryKeepsEveryEvent() {
        String allHistory = filledOut(pruning("{\"type\":\"ALL_HISTORY\"}"));

        assertThat(matches(allHistory, submittedAt("2001-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void negativeOperatorsAreEvaluatedOverTheWindow() {
        String notThisWeek = """
                {"filterType":"FORM_SUBMISSION","operator":"NOT_FILLED_OUT"%s}"""
                .formatted(relative("AFTER", 7, "PAST", "DAYS"));

        assertThat(matches(notThisWeek, submittedAgo(Duration.ofDays(8)))).isTrue();
        assertThat(matches(notThisWeek, submittedAgo(Duration.ofDays(8), Duration.ofDays(2)))).isFalse();
    }

    @ParameterizedTest(name = "between 2 and 3 times, submitted {0} times: {1}")
    @CsvSource({"0, false", "1, false", "2, true", "3, true", "4, false"})
    void numOccurrencesNeedsACountBetweenMinAndMax(int times, boolean expected) {
        String twoOrThree = filledOut("""
                ,"coalescingRefineBy":{"type":"NUM_OCCURRENCES","minOccurrences":2,"maxOccurrences":3}""");

        assertThat(matches(twoOrThree, submitted(times))).isEqualTo(expected);
    }

    @Test
    void numOccurrencesWithoutAMinimumNeedsAtLeastOne() {
        String atMostTwice = filledOut("""
                ,"coalescingRefineBy":{"type":"NUM_OCCURRENCES","maxOccurrences":2}""");

        assertThat(matches(atMostTwice, submitted(0))).isFalse();
        assertThat(matches(atMostTwice, submitted(2))).isTrue();
        assertThat(matches(atMostTwice, submitted(3))).isFalse();
    }

    @Test
    void aMinimumOfZeroAcceptsNoEvents() {
        String never = filledOut("""
                ,"coalescingRefineBy":{"type":"NUM_OCCURRENCES","minOccurrences":0,"maxOccurrences":0}""");

        assertThat(matches(never, submitted(0))).isTrue();
        assertThat(matches(never, submitted(1))).isFalse();
    }

    @Test
    void occurrencesAreCountedInsideThePruningWindowOnly() {
        String twiceThisWeek = filledOut(relative("AFTER", 7, "PAST", "DAYS") + """
                ,"coalescingRefineBy":{"type":"NUM_OCCURRENCES","minOccurrences":2}""");

        assertThat(matches(twiceThisWeek, submittedAgo(Duration.ofDays(9), Duration.ofDays(2)))).isFalse();
        assertThat(matches(twiceThisWeek, submittedAgo(Duration.ofDays(3), Duration.ofDays(2)))).isTrue();
    }

    @Test
    void refusesSetOccurrences() {
        String setOccurrences = filledOut("""
                ,"coalescingRefineBy":{"type":"SET_OCCURRENCES","setType":"ANY"}""");

        assertThatThrownBy(() -> matches(setOccurrences, submitted(1)))
                .isInstanceOf(UnsupportedFilterException.class)
                .hasMessageContaining("SET_OCCURRENCES");
    }

    @Test
    void refusesUnknownRefineBys() {
        assertThatThrownBy(() -> matches(filledOut("""
                ,"coalescingRefineBy":{"type":"WEIGHTED"}"""), submitted(1)))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("WEIGHTED");
        assertThatThrownBy(() -> matches(filledOut(pruning("{\"type\":\"FISCAL\"}")), submitted(1)))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("FISCAL");
        assertThatThrownBy(() -> matches(filledOut(relative("AROUND", 1, "PAST", "DAYS")), submitted(1)))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("AROUND");
        assertThatThrownBy(() -> matches(filledOut(relative("AFTER", 1, "SIDEWAYS", "DAYS")), submitted(1)))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("SIDEWAYS");
        assertThatThrownBy(() -> matches(filledOut(relative("AFTER", 1, "PAST", "FORTNIGHTS")), submitted(1)))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("FORTNIGHTS");
    }

    @Test
    void windowsFindEventsRecordedOutOfOrder() {
        Contact contact = contactWith(event(StandardEvents.FORM_SUBMISSION, Duration.ofDays(1), Map.of()),
                event(StandardEvents.FORM_SUBMISSION, Duration.ofDays(20), Map.of()),
                event(StandardEvents.FORM_SUBMISSION, Duration.ofDays(10), Map.of()));
        String between = filledOut(pruning("""
                {"type":"RELATIVE_RANGED","rangeType":"BETWEEN",
                 "lowerBoundOffset":{"amount":12,"offsetDirection":"PAST","timeUnit":"DAYS"},
                 "upperBoundOffset":{"amount":8,"offsetDirection":"PAST","timeUnit":"DAYS"}}"""));

        assertThat(contact.events().getFirst().occurredAt()).isEqualTo(NOW.minus(Duration.ofDays(20)));
        assertThat(matches(between, contact)).isTrue();
    }

    private static Contact submitted(int times) {
        Duration[] ago = new Duration[times];
        for (int i = 0; i < times; i++) {
            ago[i] = Duration.ofHours(i + 1);
        }
        return submittedAgo(ago);
    }
}
