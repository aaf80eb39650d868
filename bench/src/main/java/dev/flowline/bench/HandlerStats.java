package dev.flowline.bench;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** A handler's invocations: how many, how long in all, and the most one of them allocated. */
final class HandlerStats {

    private final LongAdder invocations = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder allocated = new LongAdder();
    private final LongAccumulator maxAllocated = new LongAccumulator(Math::max, 0);

    void invocation(long durationNanos, long allocatedBytes) {
        invocations.increment();
        nanos.add(durationNanos);
        allocated.add(allocatedBytes);
        maxAllocated.accumulate(allocatedBytes);
    }

    /** Work measured as a whole: {@code count} invocations whose largest is not known (the average stands in). */
    void totals(long durationNanos, long allocatedBytes, long count) {
        invocations.add(count);
        nanos.add(durationNanos);
        allocated.add(allocatedBytes);
        maxAllocated.accumulate(count == 0 ? 0 : allocatedBytes / count);
    }

    long invocations() {
        return invocations.sum();
    }

    double seconds() {
        return nanos.sum() / 1e9;
    }

    long maxAllocatedBytes() {
        return maxAllocated.get();
    }
}
