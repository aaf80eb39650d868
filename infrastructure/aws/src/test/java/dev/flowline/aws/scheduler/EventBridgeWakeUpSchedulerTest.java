package dev.flowline.aws.scheduler;

import dev.flowline.aws.emulator.AwsEmulator;
import dev.flowline.aws.sqs.DueStep;
import dev.flowline.aws.sqs.SqsStepScheduler;
import dev.flowline.engine.enrolment.StepMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Wake-up schedules on each emulator's EventBridge Scheduler. */
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.flowline.aws.emulator.AwsEmulator#all")
class EventBridgeWakeUpSchedulerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String GROUP = "flowline-wake-ups";
    private static final EventBridgeWakeUpScheduler.Config CONFIG = new EventBridgeWakeUpScheduler.Config(GROUP,
            "arn:aws:lambda:us-east-1:123456789012:function:delay-waker",
            "arn:aws:iam::123456789012:role/flowline-scheduler");

    private final AwsEmulator emulator;

    private SchedulerClient scheduler;
    private SqsClient sqs;

    EventBridgeWakeUpSchedulerTest(AwsEmulator emulator) {
        emulator.assumeAvailable();
        this.emulator = emulator;
    }

    @BeforeEach
    void createGroup() {
        emulator.reset();
        var clients = emulator.clients();
        scheduler = clients.scheduler();
        sqs = clients.sqs();
        scheduler.createScheduleGroup(g -> g.name(GROUP));
    }

    @AfterEach
    void closeClients() {
        scheduler.close();
        sqs.close();
    }

    @Test
    void aThousandStepsDueInTheSameMinuteShareOneSchedule() {
        var steps = IntStream.range(0, 1000)
                .mapToObj(i -> new DueStep(new StepMessage("e-" + i, 0),
                        Instant.parse("2026-11-23T12:30:00Z").plusMillis(i * 59L)))
                .toList();

        stepScheduler(new EventBridgeWakeUpScheduler(() -> scheduler, CONFIG)).scheduleAll(steps);

        assertThat(scheduleNames()).containsExactly("flowline-wake-202611231230");
    }

    @Test
    void stepsDueOverThreeMinutesMakeThreeSchedules() {
        var steps = IntStream.range(0, 180)
                .mapToObj(i -> new DueStep(new StepMessage("e-" + i, 0), NOW.plus(Duration.ofHours(2)).plusSeconds(i)))
                .toList();

        stepScheduler(new EventBridgeWakeUpScheduler(() -> scheduler, CONFIG)).scheduleAll(steps);

        assertThat(scheduleNames()).containsExactlyInAnyOrder(
                "flowline-wake-202611231200", "flowline-wake-202611231201", "flowline-wake-202611231202");
    }

    @Test
    void aMinuteAnotherInstanceScheduledAlreadyIsNotAnError() {
        Instant due = Instant.parse("2026-11-24T08:05:30Z");

        new EventBridgeWakeUpScheduler(() -> scheduler, CONFIG).wakeUpAt(due);
        new EventBridgeWakeUpScheduler(() -> scheduler, CONFIG).wakeUpAt(due.plusSeconds(10));

        assertThat(scheduleNames()).containsExactly("flowline-wake-202611240805");
    }

    @Test
    void aScheduleFiresOnceAtItsMinuteInUtcAndInvokesTheWakerWithThatMinute() {
        new EventBridgeWakeUpScheduler(() -> scheduler, CONFIG).wakeUpAt(Instant.parse("2026-11-24T08:05:30Z"));

        var schedule = scheduler.getSchedule(s -> s.groupName(GROUP).name("flowline-wake-202611240805"));
        assertThat(schedule.scheduleExpression()).isEqualTo("at(2026-11-24T08:05:00)");
        assertThat(schedule.scheduleExpressionTimezone()).isEqualTo("UTC");
        assertThat(schedule.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.OFF);
        assertThat(schedule.actionAfterCompletion()).isEqualTo(ActionAfterCompletion.DELETE);
        assertThat(schedule.target().arn()).isEqualTo(CONFIG.wakerArn());
        assertThat(schedule.target().roleArn()).isEqualTo(CONFIG.roleArn());
        assertThat(WakeUp.parse(schedule.target().input()))
                .isEqualTo(new WakeUp(Instant.parse("2026-11-24T08:05:00Z")));
    }

    private SqsStepScheduler stepScheduler(WakeUpScheduler wakeUps) {
        String queueUrl = sqs.createQueue(q -> q.queueName("steps")).queueUrl();
        return new SqsStepScheduler(sqs, new dev.flowline.aws.accounts.Account("a1"), queueUrl, wakeUps, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private List<String> scheduleNames() {
        return scheduler.listSchedulesPaginator(l -> l.groupName(GROUP)).schedules().stream()
                .map(ScheduleSummary::name).toList();
    }
}
