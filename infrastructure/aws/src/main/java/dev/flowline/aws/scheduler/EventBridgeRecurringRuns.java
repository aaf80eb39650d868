package dev.flowline.aws.scheduler;

import dev.flowline.aws.iam.Permissions;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.activation.RecurringRun;
import dev.flowline.engine.activation.RecurringRuns;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Flows' recurring runs as EventBridge Scheduler recurring schedules, one per flow and kind, in their own group: an
 * enrolment schedule as a cron expression in the account's time zone ({@link ScheduleCron}), a time sweep every
 * sweep interval. Each invokes the delay waker with its {@link RecurringRunInput}. Creating a schedule that exists
 * updates it; removing one that does not exist is nothing.
 */
public final class EventBridgeRecurringRuns implements RecurringRuns {

    /** The AWS calls it makes: a flow's schedules, run as the role the scheduler assumes to invoke the delay waker. */
    public static final Permissions PERMISSIONS = Permissions.on("scheduler:schedule/${FlowScheduleGroup}/*", "scheduler:CreateSchedule",
            "scheduler:UpdateSchedule", "scheduler:DeleteSchedule").and("SchedulerRole", "iam:PassRole");

    /** Schedule names are at most 64 characters of letters, digits, {@code -}, {@code _} and {@code .}. */
    private static final int MAX_NAME = 64;

    /**
     * @param groupName     {@code FLOWLINE_FLOW_SCHEDULE_GROUP}: the schedule group of flows' recurring runs
     * @param sweepInterval {@code FLOWLINE_TIME_SWEEP_HOURS}: how often time-relative triggers are swept, a day by
     *                      default
     */
    public record Config(String groupName, Duration sweepInterval) {

        public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofDays(1);
    }

    /** What the schedules invoke and as whom: the delay waker and the scheduler's role. */
    public record Target(String wakerArn, String roleArn) {
    }

    private final Supplier<SchedulerClient> scheduler;
    private final Config config;
    private final Target target;
    private final Account account;
    private final ZoneId timeZone;

    public EventBridgeRecurringRuns(Supplier<SchedulerClient> scheduler, Config config, Target target,
                                    Account account, ZoneId timeZone) {
        this.scheduler = scheduler;
        this.config = config;
        this.target = target;
        this.account = account;
        this.timeZone = timeZone;
    }

    @Override
    public void put(RecurringRun run) {
        Optional<String> expression = switch (run.kind()) {
            case ENROLMENT_SCHEDULE -> ScheduleCron.of(run.schedule());
            case TIME_SWEEP -> Optional.of("rate(" + config.sweepInterval().toMinutes() + " minutes)");
        };
        if (expression.isEmpty()) {
            remove(run.flowId(), run.kind());
            return;
        }
        String name = scheduleName(account, run.flowId(), run.kind());
        String input = RecurringRunInput.template(account, run.flowId(), run.kind());
        try {
            scheduler.get().createSchedule(request -> request.groupName(config.groupName()).name(name)
                    .scheduleExpression(expression.get()).scheduleExpressionTimezone(timeZone.getId())
                    .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(target.wakerArn()).roleArn(target.roleArn()).input(input)));
        } catch (ConflictException exists) {
            scheduler.get().updateSchedule(request -> request.groupName(config.groupName()).name(name)
                    .scheduleExpression(expression.get()).scheduleExpressionTimezone(timeZone.getId())
                    .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(target.wakerArn()).roleArn(target.roleArn()).input(input)));
        }
    }

    @Override
    public void remove(String flowId, RecurringRun.Kind kind) {
        try {
            scheduler.get().deleteSchedule(request -> request.groupName(config.groupName())
                    .name(scheduleName(account, flowId, kind)));
        } catch (ResourceNotFoundException absent) {
            // the flow had no run of this kind
        }
    }

    /**
     * {@code <account>-<flowId>-<kind>}, or, when that is too long or the flow id has other characters, a hash of
     * it behind the kind.
     */
    static String scheduleName(Account account, String flowId, RecurringRun.Kind kind) {
        String suffix = kind == RecurringRun.Kind.ENROLMENT_SCHEDULE ? "schedule" : "sweep";
        String readable = account.id() + "-" + flowId + "-" + suffix;
        if (readable.length() <= MAX_NAME && flowId.matches("[A-Za-z0-9_.-]+")) {
            return readable;
        }
        return "flow-" + sha256(account.key(flowId)).substring(0, 32) + "-" + suffix.toLowerCase(Locale.ROOT);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
