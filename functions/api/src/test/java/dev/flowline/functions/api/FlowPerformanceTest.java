package dev.flowline.functions.api;

import dev.flowline.functions.api.FlowPerformance.BucketType;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowPerformanceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void weeksBeginOnTheFirstDayAskedInTheAccountsTimeZone() {
        var sundays = new FlowPerformance(PARIS, BucketType.WEEK, DayOfWeek.SUNDAY);

        // Sunday 22 November 2026 at 00:30 in Paris is still Saturday in UTC.
        var histogram = sundays.histogram(List.of(Instant.parse("2026-11-21T23:30:00Z")),
                Instant.parse("2026-11-15T00:00:00Z"), Instant.parse("2026-11-28T12:00:00Z"));

        assertThat(histogram).extracting(FlowPerformance.Bucket::frequency).containsExactly(0L, 1L);
        assertThat(histogram.get(1).bucket()).isEqualTo(Instant.parse("2026-11-21T23:00:00Z").toEpochMilli());
    }

    @Test
    void monthsCountOnlyTheEnrolmentsInsideTheRange() {
        var months = new FlowPerformance(ZoneId.of("UTC"), BucketType.MONTH, DayOfWeek.MONDAY);

        var histogram = months.histogram(List.of(Instant.parse("2026-09-30T23:00:00Z"),
                        Instant.parse("2026-10-15T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"),
                        Instant.parse("2026-11-20T00:00:00Z")),
                Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-10T00:00:00Z"));

        assertThat(histogram).extracting(FlowPerformance.Bucket::frequency).containsExactly(1L, 1L);
        assertThat(histogram).extracting(FlowPerformance.Bucket::series).containsOnly("ENROLLMENTS");
    }

    @Test
    void aRangeOfMoreThanAThousandBucketsIsRefused() {
        var days = new FlowPerformance(ZoneId.of("UTC"), BucketType.DAY, DayOfWeek.MONDAY);

        assertThatThrownBy(() -> days.histogram(List.of(), Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"))).isInstanceOf(ApiException.class);
    }
}
