package dev.flowline.engine.history;

import dev.flowline.engine.enrolment.UnenrolmentReason;

import java.util.Map;

/**
 * A flow's figures. Active contacts are those enrolled and neither completed nor unenrolled. The goal
 * conversion rate is conversions over enrolments started, as a percentage.
 */
public record FlowMetricsSnapshot(long enrolled, long completed, long unenrolled, long goalConversions,
                                  Map<UnenrolmentReason, Long> unenrolledByReason,
                                  Map<String, Map<HistoryKind, Long>> actions) {

    public long active() {
        return enrolled - completed - unenrolled;
    }

    public double goalConversionRate() {
        return enrolled == 0 ? 0 : 100.0 * goalConversions / enrolled;
    }
}
