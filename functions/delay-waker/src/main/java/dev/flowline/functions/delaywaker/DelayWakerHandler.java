package dev.flowline.functions.delaywaker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.ContactEventSweep;
import dev.flowline.aws.DueStepDrain;
import dev.flowline.aws.RecycleBinSweep;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.aws.lambda.SnapStartPriming;
import dev.flowline.aws.scheduler.RecurringRunInput;
import dev.flowline.aws.scheduler.WakeUp;
import dev.flowline.aws.sms.SmsDeliveries;
import dev.flowline.aws.sms.SmsDeliveryEvents;
import dev.flowline.engine.json.FlowlineJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Invoked by an EventBridge Scheduler one-time schedule with {@code {"dueMinute":"2026-11-23T10:15Z"}}: puts the
 * next step of every enrolment due in that minute on the step queue ({@link DueStepDrain}, many requests at once).
 * A late or repeated wake-up is harmless: the step runner re-checks each step's sequence, so only the enrolment's
 * current step runs, once. Steps it could not queue (refused, or left unread as the timeout neared) stay due, and
 * the invocation fails, so that Lambda invokes it again for them. Wake-ups are shared
 * by all accounts: each step is scheduled by the engine of its enrolment's account.
 * <p>
 * Invoked every minute by a recurring schedule with {@link #SWEEP}: publishes the contact events left pending by
 * writes whose requests could not publish them ({@link ContactEventSweep}), and, in the first minute of each hour,
 * erases the contacts deleted more than 90 days ago ({@link RecycleBinSweep}).
 * <p>
 * Invoked by a flow's recurring schedule with a {@link RecurringRunInput}: starts the run of the flow's enrolment
 * schedule due then, or the sweep of its time-relative triggers over the sweep interval that ends then, as
 * segments on the activation queue. Invoked by the bus with End User Messaging SMS's delivery events ({@link SmsDeliveryEvents}):
 * records the final status of each SMS Flowline sent.
 */
public final class DelayWakerHandler implements RequestHandler<Map<String, Object>, Void> {

    /**
     * What is left of the function's time when the drain of a minute stops reading pages: enough to send the
     * pages read (one a shard, a second or two) before the 300-second timeout.
     */
    static final Duration STOP_BEFORE_TIMEOUT = Duration.ofSeconds(30);
    /** The recurring schedule's input, as template.yaml gives it. */
    public static final Map<String, Object> SWEEP = Map.of("sweep", "contactEvents");
    private static final Logger LOG = LoggerFactory.getLogger(DelayWakerHandler.class);

    static {
        // before the engine's clients make their first request
        DueStepDrain.keepConnectionsAlive();
    }

    private final AwsEngines engines;
    private final DueStepDrain drain;
    private final ContactEventSweep sweep;
    private final SmsDeliveries smsDeliveries;
    private final RecycleBinSweep recycleBins;

    public DelayWakerHandler() {
        this(SnapStartPriming.registered(AwsEngine.fromEnvironment()));
    }

    public DelayWakerHandler(AwsEngine engine) {
        this.engines = new AwsEngines(engine);
        this.drain = new DueStepDrain(engine.dueEnrolments(), account -> engines.of(account).stepScheduler());
        this.sweep = new ContactEventSweep(engines, engine.pendingContactEvents(), engine.clock());
        this.smsDeliveries = engine.smsDeliveries();
        this.recycleBins = engine.recycleBinSweep(engines);
    }

    @Override
    public Void handleRequest(Map<String, Object> input, Context context) {
        return HandlerLogs.around(context, () -> {
            if (SWEEP.equals(input)) {
                ContactEventSweep.Result swept = sweep.run();
                LOG.info("published {} contact events left pending; {} contacts keep theirs for the next sweep",
                        swept.published(), swept.leftPending());
                if (recycleBins.due()) {
                    LOG.info("erased {} contacts deleted more than 90 days ago", recycleBins.run());
                }
            } else if (RecurringRunInput.isRun(input)) {
                startRun(RecurringRunInput.parse(input));
            } else if (SmsDeliveryEvents.isDeliveryEvent(FlowlineJson.mapper().valueToTree(input))) {
                SmsDeliveryEvents.of(FlowlineJson.mapper().valueToTree(input)).ifPresent(delivery ->
                        smsDeliveries.record(delivery.account(), delivery.messageId(), delivery.status(), delivery.at()));
            } else {
                wake(WakeUp.parse(FlowlineJson.write(input)), context);
            }
            return null;
        });
    }

    private void startRun(RecurringRunInput run) {
        var activation = engines.of(run.account()).engine().activation();
        switch (run.run()) {
            case ENROLMENT_SCHEDULE -> activation.startSchedule(run.flowId(), run.scheduledTime());
            case TIME_SWEEP -> activation.startTimeSweep(run.flowId(),
                    run.scheduledTime().minus(engines.config().flowSchedules().sweepInterval()), run.scheduledTime());
        }
        LOG.info("started the {} of flow {} due at {}", run.run(), run.flowId(), run.scheduledTime());
    }

    /**
     * Queues the steps due in the minute, reading no new page once the function's timeout is near; fails when
     * some stay due, so that Lambda invokes it again for them.
     */
    private void wake(WakeUp wakeUp, Context context) {
        DueStepDrain.Result drained = drain.drain(wakeUp.dueMinute(), () -> context != null
                && context.getRemainingTimeInMillis() < STOP_BEFORE_TIMEOUT.toMillis());
        LOG.info("woke {} steps due in minute {}", drained.queued(), wakeUp.dueMinute());
        if (!drained.complete()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "of the steps due in minute %s, %d were"
                            + " queued and %d refused or failed%s; those not queued stay due for the retry of this wake-up",
                    wakeUp.dueMinute(), drained.queued(), drained.leftDue(),
                    drained.stopped() ? ", and pages were left unread as the function's timeout neared" : ""));
        }
    }
}
