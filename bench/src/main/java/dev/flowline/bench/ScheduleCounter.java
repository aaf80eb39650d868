package dev.flowline.bench;

import dev.flowline.aws.scheduler.EventBridgeWakeUpScheduler;
import dev.flowline.aws.scheduler.WakeUpScheduler;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleResponse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The wake-up requests of a run handed to the AWS adapter, {@link EventBridgeWakeUpScheduler}, over a Scheduler
 * that keeps the schedules' names as EventBridge Scheduler does (a second create of a name is a conflict): so the
 * schedules AWS would hold, and the create calls that would reach it, are counted, beside the distinct minutes
 * the steps are due in.
 */
final class ScheduleCounter implements WakeUpScheduler {

    private final Set<String> schedules = ConcurrentHashMap.newKeySet();
    private final LongAdder createCalls = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final Set<Instant> dueMinutes = ConcurrentHashMap.newKeySet();
    private final Scheduler scheduler = new Scheduler();
    private final EventBridgeWakeUpScheduler adapter = new EventBridgeWakeUpScheduler(() -> scheduler,
            new EventBridgeWakeUpScheduler.Config("flowline", "arn:aws:lambda:us-east-1:000000000000:function:waker",
                    "arn:aws:iam::000000000000:role/scheduler"));

    @Override
    public void wakeUpAt(Instant dueAt) {
        requests.increment();
        dueMinutes.add(dueAt.truncatedTo(ChronoUnit.MINUTES));
        adapter.wakeUpAt(dueAt);
    }

    long created() {
        return schedules.size();
    }

    long createCalls() {
        return createCalls.sum();
    }

    long requests() {
        return requests.sum();
    }

    long dueMinutes() {
        return dueMinutes.size();
    }

    private final class Scheduler implements SchedulerClient {

        @Override
        public CreateScheduleResponse createSchedule(CreateScheduleRequest request) {
            createCalls.increment();
            if (!schedules.add(request.groupName() + "/" + request.name())) {
                throw ConflictException.builder().message("schedule exists: " + request.name()).build();
            }
            return CreateScheduleResponse.builder().scheduleArn("arn:aws:scheduler:::schedule/" + request.name()).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}
