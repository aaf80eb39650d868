package dev.flowline.aws.scheduler;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.emulator.AwsEmulator;
import dev.flowline.engine.activation.RecurringRun;
import dev.flowline.engine.definition.EnrollmentSchedule;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Flows' recurring runs as recurring schedules on each emulator's EventBridge Scheduler. */
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.flowline.aws.emulator.AwsEmulator#all")
class EventBridgeRecurringRunsTest {

    private static final String GROUP = "flowline-flows";
    private static final Account A = new Account("a1");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final EventBridgeRecurringRuns.Target TARGET = new EventBridgeRecurringRuns.Target(
            "arn:aws:lambda:us-east-1:123456789012:function:delay-waker:live",
            "arn:aws:iam::123456789012:role/flowline-scheduler");

    private final AwsEmulator emulator;
    private SchedulerClient scheduler;
    private EventBridgeRecurringRuns runs;

    EventBridgeRecurringRunsTest(AwsEmulator emulator) {
        emulator.assumeAvailable();
        this.emulator = emulator;
    }

    @BeforeEach
    void createGroup() {
        emulator.reset();
        scheduler = emulator.clients().scheduler();
        scheduler.createScheduleGroup(g -> g.name(GROUP));
        runs = new EventBridgeRecurringRuns(() -> scheduler, new EventBridgeRecurringRuns.Config(GROUP, Duration.ofHours(6)),
                TARGET, A, PARIS);
    }

    @AfterEach
    void closeClient() {
        scheduler.close();
    }

    private static RecurringRun weekly(String days) {
        return new RecurringRun("51", RecurringRun.Kind.ENROLMENT_SCHEDULE, FlowlineJson.read("""
                {"type":"WEEKLY","timeOfDay":{"hour":8,"minute":30},"daysOfWeek":[%s]}""".formatted(days),
                EnrollmentSchedule.class));
    }

    private GetScheduleResponse schedule(String name) {
        return scheduler.getSchedule(s -> s.groupName(GROUP).name(name));
    }

    private List<String> names() {
        return scheduler.listSchedulesPaginator(l -> l.groupName(GROUP)).schedules().stream()
                .map(ScheduleSummary::name).sorted().toList();
    }

    @Test
    void anEnrolmentScheduleIsACronInTheAccountZoneThatInvokesTheWakerWithTheRun() {
        runs.put(weekly("\"TUESDAY\",\"MONDAY\""));

        var schedule = schedule("a1-51-schedule");
        assertThat(schedule.scheduleExpression()).isEqualTo("cron(30 8 ? * MON,TUE *)");
        assertThat(schedule.scheduleExpressionTimezone()).isEqualTo("Europe/Paris");
        assertThat(schedule.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.OFF);
        assertThat(schedule.target().arn()).isEqualTo(TARGET.wakerArn());
        assertThat(schedule.target().roleArn()).isEqualTo(TARGET.roleArn());
        String fired = schedule.target().input().replace(RecurringRunInput.SCHEDULED_TIME, "2026-03-02T07:30:00Z");
        assertThat(RecurringRunInput.parse(FlowlineJson.read(fired, Map.class))).isEqualTo(new RecurringRunInput(A, "51",
                RecurringRun.Kind.ENROLMENT_SCHEDULE, Instant.parse("2026-03-02T07:30:00Z")));
    }

    @Test
    void anEditedScheduleIsUpdatedInPlace() {
        runs.put(weekly("\"MONDAY\""));

        runs.put(weekly("\"FRIDAY\""));

        assertThat(names()).containsExactly("a1-51-schedule");
        assertThat(schedule("a1-51-schedule").scheduleExpression()).isEqualTo("cron(30 8 ? * FRI *)");
    }

    @Test
    void aTimeSweepRunsEverySweepInterval() {
        runs.put(new RecurringRun("51", RecurringRun.Kind.TIME_SWEEP, null));

        assertThat(schedule("a1-51-sweep").scheduleExpression()).isEqualTo("rate(360 minutes)");
    }

    @Test
    void removingDeletesTheScheduleAndRemovingOneThatIsNotThereIsNothing() {
        runs.put(weekly("\"MONDAY\""));
        runs.put(new RecurringRun("51", RecurringRun.Kind.TIME_SWEEP, null));

        runs.remove("51", RecurringRun.Kind.ENROLMENT_SCHEDULE);
        runs.remove("51", RecurringRun.Kind.ENROLMENT_SCHEDULE);

        assertThat(names()).containsExactly("a1-51-sweep");
    }
}
