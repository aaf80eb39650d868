package dev.flowline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time of this JVM's threads by group, a group being a thread's name without its numbers (the pollers of one
 * function, DynamoDB Local's request threads, ...): where a run's CPU went.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /** CPU nanoseconds so far, by thread id. */
    static Map<Long, Long> now() {
        var cpu = new HashMap<Long, Long>();
        for (long id : THREADS.getAllThreadIds()) {
            cpu.put(id, THREADS.getThreadCpuTime(id));
        }
        return cpu;
    }

    /** The CPU nanoseconds by group that the threads alive now used since {@code before} (threads new since: all). */
    static Map<String, Long> since(Map<Long, Long> before) {
        var groups = new HashMap<String, Long>();
        for (long id : THREADS.getAllThreadIds()) {
            ThreadInfo info = THREADS.getThreadInfo(id);
            long cpu = THREADS.getThreadCpuTime(id);
            if (info != null && cpu >= 0) {
                groups.merge(info.getThreadName().replaceAll("[0-9]+", "#"), cpu - before.getOrDefault(id, 0L),
                        Long::sum);
            }
        }
        return groups;
    }
}
