package dev.flowline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The most heap this JVM held right after a garbage collection, while it listened: everything that was live then
 * (and, after a young collection, old garbage not yet collected), so an upper bound of the live heap.
 */
final class HeapPeak implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            record(info.getGcInfo().getMemoryUsageAfterGc());
        }
    };

    HeapPeak() {
        // what earlier benchmarks in this JVM left in the old generation is not this run's: a young collection
        // would count it as held
        System.gc();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc ->
                ((NotificationEmitter) gc).addNotificationListener(listener, null, null));
    }

    private void record(Map<String, MemoryUsage> afterGc) {
        long used = afterGc.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
        peak.accumulateAndGet(used, Math::max);
    }

    /** The peak in bytes; a full collection first, so that a run with few collections still has one. */
    long bytes() {
        System.gc();
        return peak.get();
    }

    @Override
    public void close() throws Exception {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).removeNotificationListener(listener);
        }
    }
}
