package dev.flowline.aws.scheduler;

import dev.flowline.aws.iam.Permissions;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Wake-ups as EventBridge Scheduler one-time schedules, one per due minute however many steps fall in it.
 * The schedule's name comes from its minute, so a second create for the same minute (from this or any
 * other function instance) fails with a conflict, which means it is already scheduled. Each schedule
 * deletes itself once it has fired.
 */
public final class EventBridgeWakeUpScheduler implements WakeUpScheduler {

    /** The AWS calls it makes: a schedule is created with the role the scheduler assumes to invoke the delay waker. */
    public static final Permissions PERMISSIONS = Permissions.on("scheduler:schedule/${WakeUpScheduleGroup}/*", "scheduler:CreateSchedule")
            .and("SchedulerRole", "iam:PassRole");

    /**
     * @param groupName the schedule group the schedules are created in
     * @param wakerArn  the delay-waker function the schedules invoke
     * @param roleArn   the role EventBridge Scheduler assumes to invoke it
     */
    public record Config(String groupName, String wakerArn, String roleArn) {
    }

    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("'flowline-wake-'yyyyMMddHHmm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("'at('yyyy-MM-dd'T'HH:mm:00')'").withZone(ZoneOffset.UTC);

    private final Supplier<SchedulerClient> scheduler;
    private final Config config;
    private final Set<Instant> scheduledMinutes = ConcurrentHashMap.newKeySet();

    public EventBridgeWakeUpScheduler(Supplier<SchedulerClient> scheduler, Config config) {
        this.scheduler = scheduler;
        this.config = config;
    }

    @Override
    public void wakeUpAt(Instant dueAt) {
        WakeUp wakeUp = new WakeUp(dueAt);
        if (scheduledMinutes.contains(wakeUp.dueMinute())) {
            return;
        }
        try {
            scheduler.get().createSchedule(request -> request
                    .groupName(config.groupName())
                    .name(scheduleName(wakeUp.dueMinute()))
                    .scheduleExpression(AT.format(wakeUp.dueMinute()))
                    .scheduleExpressionTimezone("UTC")
                    .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.DELETE)
                    .target(target -> target
                            .arn(config.wakerArn())
                            .roleArn(config.roleArn())
                            .input(wakeUp.toJson())));
        } catch (ConflictException alreadyScheduled) {
            // another step, here or in another instance, asked for this minute first
        }
        scheduledMinutes.add(wakeUp.dueMinute());
    }

    static String scheduleName(Instant minute) {
        return NAME.format(minute);
    }
}
