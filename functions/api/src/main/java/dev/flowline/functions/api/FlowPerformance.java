package dev.flowline.functions.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A histogram of a flow's enrolments: how many enrolments (first ones and re-enrolments, whatever enrolled
 * them) began in each day, week or month between {@code start} (inclusive) and {@code end} (exclusive), in the
 * account's time zone. Every bucket of the range is listed, empty ones with frequency 0.
 */
final class FlowPerformance {

    static final String SERIES = "ENROLLMENTS";
    static final int MAX_BUCKETS = 1000;

    enum BucketType { DAY, WEEK, MONTH }

    /** One bucket: its start (epoch milliseconds), how many enrolments began in it, and what is counted. */
    record Bucket(long bucket, long frequency, String series) {
    }

    private final ZoneId zone;
    private final DayOfWeek firstDay;
    private final BucketType type;

    FlowPerformance(ZoneId zone, BucketType type, DayOfWeek firstDay) {
        this.zone = zone;
        this.type = type;
        this.firstDay = firstDay;
    }

    static BucketType bucketType(String name) {
        try {
            return BucketType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ApiException.invalid("bucketType must be DAY, WEEK or MONTH",
                    List.of(new ApiError("bucketType", "unknown bucketType " + name)));
        }
    }

    List<Bucket> histogram(Collection<Instant> enrolments, Instant start, Instant end) {
        var counts = new TreeMap<LocalDate, Long>();
        for (LocalDate day = bucketOf(start); day.atStartOfDay(zone).toInstant().isBefore(end); day = next(day)) {
            counts.put(day, 0L);
            if (counts.size() > MAX_BUCKETS) {
                throw ApiException.invalid("the range holds more than " + MAX_BUCKETS + " buckets",
                        List.of(new ApiError("start", "choose a later start, an earlier end or larger buckets")));
            }
        }
        enrolments.stream().filter(at -> !at.isBefore(start) && at.isBefore(end))
                .forEach(at -> counts.merge(bucketOf(at), 1L, Long::sum));
        var buckets = new ArrayList<Bucket>();
        for (Map.Entry<LocalDate, Long> count : counts.entrySet()) {
            buckets.add(new Bucket(count.getKey().atStartOfDay(zone).toInstant().toEpochMilli(), count.getValue(),
                    SERIES));
        }
        return buckets;
    }

    private LocalDate bucketOf(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return switch (type) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(firstDay));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private LocalDate next(LocalDate bucket) {
        return switch (type) {
            case DAY -> bucket.plus(1, ChronoUnit.DAYS);
            case WEEK -> bucket.plus(1, ChronoUnit.WEEKS);
            case MONTH -> bucket.plus(1, ChronoUnit.MONTHS);
        };
    }
}
